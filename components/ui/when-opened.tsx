"use client";

import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Content of a `<details>` that is drawn, and its code loaded, only once the `<details>` around it first opens
 * (decision 068): pass a `React.lazy` component as `children`. A `<details>` opened before the page's script ran
 * counts; once drawn, the content stays through later folds, so nothing typed into it is lost.
 */
export function WhenOpened({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const details = anchor.current?.closest("details");
    if (!details) return;
    const onToggle = () => {
      if (details.open) setOpened(true);
    };
    onToggle();
    details.addEventListener("toggle", onToggle);
    return () => details.removeEventListener("toggle", onToggle);
  }, []);
  return <div ref={anchor}>{opened ? <Suspense fallback={fallback}>{children}</Suspense> : fallback}</div>;
}
