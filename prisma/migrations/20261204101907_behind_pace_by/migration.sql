-- AlterTable
ALTER TABLE "cohorts" ADD COLUMN     "behind_pace_by" INTEGER NOT NULL DEFAULT 2;
