-- AlterTable
ALTER TABLE "invites" ADD COLUMN     "sent_to" VARCHAR(320);
