import type { LinkKind, ProgressStatus } from "@/lib/generated/prisma/enums";

export type PortfolioProjectCard = {
  key: string;
  title: string;
  description: string;
  status: ProgressStatus;
  /** Links of the latest attempt that is not withdrawn. */
  evidence: { url: string; label: string | null; kind: LinkKind }[];
  demonstrates: { key: string; title: string; status: ProgressStatus }[];
};

export type LearnerPortfolio = {
  cohortId: string;
  cohortName: string;
  projects: PortfolioProjectCard[];
  handle: string | null;
  isPublic: boolean;
};

export type PublicEvidence = {
  title: string;
  kind: "project" | "milestone";
  approvedBy: string;
  approvedAt: string;
  links: { url: string; label: string | null; kind: LinkKind; commit: string | null }[];
};

export type PublicPortfolio = { handle: string; items: PublicEvidence[] };
