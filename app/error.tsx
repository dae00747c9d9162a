"use client";

// Button's primary look, written out: this page's code is in every page's first load, where importing
// buttonVariants made the bundler copy cva, clsx and the variants into a second chunk of each page (about 1 kB;
// decision 044). Only the classes a text-only button that is never disabled uses; error.test.tsx holds them to
// buttonVariants().
const TRY_AGAIN_CLASSES =
  "inline-flex h-9 cursor-pointer items-center justify-center rounded-md bg-accent px-4 text-sm font-medium whitespace-nowrap text-accent-foreground shadow-xs transition-colors hover:bg-accent-hover";

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
          <button type="button" onClick={reset} className={TRY_AGAIN_CLASSES}>
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}
