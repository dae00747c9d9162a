export type NavArea = "learner" | "mentor" | "admin";
