-- AlterEnum
ALTER TYPE "submission_status" ADD VALUE 'recorded';
