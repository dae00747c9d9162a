-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "details" JSONB;
