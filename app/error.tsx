"use client";

import { buttonVariants } from "@/components/ui/button-variants";

/** Unknown failures: a plain explanation plus a reference id that matches the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <div className="grid max-w-md gap-3 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-sm text-muted-foreground">
          Cairn could not show this page. Your work is saved. Try again in a moment; if it keeps happening, send this
          reference to your administrator.
        </p>
        {error.digest ? <p className="font-mono text-xs">Reference: {error.digest}</p> : null}
        <div>
          <button type="button" onClick={reset} className={buttonVariants()}>
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}
