import type { ReactNode } from "react";
import { Wordmark } from "@/components/layout/wordmark";

/** The frame of the pages people reach before they are signed in (sign in, invite, password reset): the mark, then one card. */
export function StandalonePage({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="w-full max-w-sm">
        <p className="mb-6 flex justify-center text-lg">
          <Wordmark />
        </p>
        {children}
      </div>
    </main>
  );
}
