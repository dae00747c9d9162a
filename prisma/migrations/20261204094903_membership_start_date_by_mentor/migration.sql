-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "start_date_by_mentor" BOOLEAN NOT NULL DEFAULT false;
