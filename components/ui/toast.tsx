"use client";

import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from "react";

export type ToastVariant = "default" | "success" | "danger";

export type ToastOptions = {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it closes itself; errors stay longer by default so they can be read. */
  duration?: number;
};

export type ToastItem = ToastOptions & { id: number; open: boolean };

// A module-level store lets any client component call toast() without a React context or hook.
const MAX_TOASTS = 4;
const REMOVE_DELAY_MS = 200;
const EMPTY: ToastItem[] = [];
let items: ToastItem[] = EMPTY;
let nextId = 1;
const listeners = new Set<() => void>();

function setItems(next: ToastItem[]) {
  items = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Shows a toast; returns a function that dismisses it. Needs a <Toaster /> mounted once in the layout. */
export function toast(options: ToastOptions): () => void {
  const id = nextId++;
  setItems([...items, { ...options, id, open: true }].slice(-MAX_TOASTS));
  return () => dismissToast(id);
}

export function dismissToast(id: number) {
  setItems(items.map((item) => (item.id === id ? { ...item, open: false } : item)));
  // Keep the closed toast mounted briefly so Radix can finish its exit and restore focus.
  setTimeout(() => setItems(items.filter((item) => item.id !== id)), REMOVE_DELAY_MS);
}

const loadToastList = () => import("@/components/ui/toast-list").then((module) => ({ default: module.ToastList }));
const ToastList = lazy(loadToastList);

/**
 * Mount once, near the root. Radix's toast code loads with the first toast, or once the browser is idle so that a
 * toast saying Cairn could not be reached still shows when the network is gone (decision 023).
 */
export function Toaster({ label = "Notifications ({hotkey})" }: { label?: string }) {
  const toasts = useSyncExternalStore(subscribe, () => items, () => EMPTY);
  const [shown, setShown] = useState(false);
  if (toasts.length > 0 && !shown) setShown(true);

  useEffect(() => {
    const whenIdle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1));
    whenIdle(() => void loadToastList());
  }, []);

  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <ToastList toasts={toasts} label={label} onDismiss={dismissToast} />
    </Suspense>
  );
}
