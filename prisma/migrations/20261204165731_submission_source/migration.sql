-- CreateEnum
CREATE TYPE "submission_source" AS ENUM ('web', 'api', 'ci');

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "source" "submission_source" NOT NULL DEFAULT 'web';
