-- CreateEnum
CREATE TYPE "mail_status" AS ENUM ('pending', 'sent', 'failed', 'unsent');

-- CreateEnum
CREATE TYPE "link_health" AS ENUM ('unchecked', 'ok', 'broken');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notification_type" ADD VALUE 'nudge';
ALTER TYPE "notification_type" ADD VALUE 'learner_stalled';
ALTER TYPE "notification_type" ADD VALUE 'review_reminder';
ALTER TYPE "notification_type" ADD VALUE 'checkin_reminder';
ALTER TYPE "notification_type" ADD VALUE 'at_risk_digest';
ALTER TYPE "notification_type" ADD VALUE 'link_broken';
ALTER TYPE "notification_type" ADD VALUE 'link_replaced';
ALTER TYPE "notification_type" ADD VALUE 'webhook_disabled';

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "in_app" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "allow_private_network" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "disabled_reason" TEXT,
ADD COLUMN     "previous_secret" TEXT,
ADD COLUMN     "previous_secret_until" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_duration_ms" INTEGER,
ADD COLUMN     "last_response" TEXT;

-- AlterTable
ALTER TABLE "submission_links" ADD COLUMN     "broken_since" TIMESTAMPTZ(3),
ADD COLUMN     "check_error" TEXT,
ADD COLUMN     "checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "health" "link_health" NOT NULL DEFAULT 'unchecked',
ADD COLUMN     "previous_url" TEXT,
ADD COLUMN     "replaced_at" TIMESTAMPTZ(3),
ADD COLUMN     "replacement_url" TEXT;

-- CreateTable
CREATE TABLE "mails" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "to_address" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "unsubscribe_url" TEXT,
    "notification_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "status" "mail_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nudges" (
    "id" UUID NOT NULL,
    "learner_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nudges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mails_status_next_attempt_at_idx" ON "mails"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "mails_user_id_kind_created_at_idx" ON "mails"("user_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "mails_created_at_idx" ON "mails"("created_at");

-- CreateIndex
CREATE INDEX "nudges_learner_id_cohort_id_kind_created_at_idx" ON "nudges"("learner_id", "cohort_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "nudges_cohort_id_idx" ON "nudges"("cohort_id");

-- CreateIndex
CREATE INDEX "notifications_emailed_at_created_at_idx" ON "notifications"("emailed_at", "created_at");

-- CreateIndex
CREATE INDEX "submission_links_health_idx" ON "submission_links"("health");

-- AddForeignKey
ALTER TABLE "mails" ADD CONSTRAINT "mails_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_learner_id_fkey" FOREIGN KEY ("learner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
