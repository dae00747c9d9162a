-- CreateEnum
CREATE TYPE "api_scope" AS ENUM ('read', 'submit', 'review', 'admin');

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "last_used_address" TEXT,
ADD COLUMN     "scopes" "api_scope"[];
