-- AlterEnum
ALTER TYPE "notification_type" ADD VALUE 'roadmap_version';
