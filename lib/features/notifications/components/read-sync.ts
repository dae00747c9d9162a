// The bell lives in the layout and /notifications in the page: two client trees that do not share props. When one
// marks notifications read it tells the other here, so the bell's count follows without re-rendering the layout.
import type { NotificationSummary } from "@/lib/features/notifications/types";

export type ReadEvent = {
  /** The notifications now read, or "all". */
  ids: readonly string[] | "all";
  /** The viewer's unread count according to the server. */
  unread: number;
};

const listeners = new Set<(event: ReadEvent) => void>();

export function publishRead(event: ReadEvent) {
  for (const listener of listeners) listener(event);
}

export function subscribeRead(listener: (event: ReadEvent) => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The bell's state once `event`'s notifications are read. */
export function applyRead(state: NotificationSummary, { ids, unread }: ReadEvent): NotificationSummary {
  return {
    unread,
    latest: state.latest.map((item) => (ids === "all" || ids.includes(item.id) ? { ...item, unread: false } : item)),
  };
}
