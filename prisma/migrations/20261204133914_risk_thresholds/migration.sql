-- AlterTable
ALTER TABLE "cohorts" ADD COLUMN     "changes_requested_days" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "phase_slipped_days" INTEGER NOT NULL DEFAULT 7;
