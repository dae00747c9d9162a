-- AlterEnum
ALTER TYPE "notification_type" ADD VALUE 'version_move';

-- AlterTable
ALTER TABLE "cohorts" ADD COLUMN     "version_move_changes" JSONB,
ADD COLUMN     "version_moved_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "version_banner_dismissed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "roadmap_versions" ADD COLUMN     "release_note" TEXT;
