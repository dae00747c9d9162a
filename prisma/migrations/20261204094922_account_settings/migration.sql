-- CreateTable
CREATE TABLE "notification_preferences" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" "notification_type" NOT NULL,
    "in_app" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_preferences_user_id_type_key" ON "notification_preferences"("user_id", "type");

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The old all-or-nothing e-mail switch becomes "e-mail off" for every type (docs/decisions/041-notification-preferences.md).
INSERT INTO "notification_preferences" ("id", "user_id", "type", "in_app", "email", "updated_at")
SELECT uuidv7(), "users"."id", "kind"."type", true, false, CURRENT_TIMESTAMP
  FROM "users" CROSS JOIN unnest(enum_range(NULL::"notification_type")) AS "kind"("type")
 WHERE "users"."email_notifications" = false;

-- AlterTable
ALTER TABLE "users" DROP COLUMN "email_notifications",
ADD COLUMN     "time_zone" TEXT;
