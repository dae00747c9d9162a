"use client";

import { useEffect } from "react";

/**
 * Marks and focuses the milestone a matrix cell pointed at (`#m-<key>`). CSS `:target` only follows real
 * fragment navigations, and the matrix navigates client-side, so the page reads the hash itself once mounted.
 */
export function TargetHighlight({ pageKey }: { pageKey: string }) {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    target.setAttribute("data-highlighted", "");
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    return () => target.removeAttribute("data-highlighted");
  }, [pageKey]);
  return null;
}
