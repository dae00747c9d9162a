"use client";

import {
  cloneElement,
  Suspense,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from "react";

type TriggerProps = {
  "aria-haspopup"?: "menu" | "dialog";
  "aria-expanded"?: boolean;
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
};

/**
 * A menu or dialog whose code loads when someone first opens it (decision 023). Until then only `trigger` is on the
 * page, opening the way Radix's triggers do (a mouse press, a tap, Enter, Space, and ArrowDown for menus); then
 * `children` — the popup, loaded with `React.lazy`, rendering the same trigger and open from its first render —
 * takes its place, and works on its own from there.
 */
export function DeferredPopup({
  trigger,
  kind,
  onOpen,
  children,
}: {
  trigger: ReactElement<TriggerProps>;
  kind: "menu" | "dialog";
  onOpen?: () => void;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  if (opened) return <Suspense fallback={trigger}>{children}</Suspense>;

  const open = () => {
    onOpen?.();
    setOpened(true);
  };
  return cloneElement(trigger, {
    "aria-haspopup": kind,
    "aria-expanded": false,
    onPointerDown: (event) => {
      // Radix menus open on a left mouse press; touch and pen open on the click that follows, like a dialog.
      if (kind === "menu" && event.pointerType === "mouse" && event.button === 0 && !event.ctrlKey) open();
    },
    onClick: open,
    onKeyDown: (event) => {
      if (kind === "menu" && event.key === "ArrowDown") {
        event.preventDefault();
        open();
      }
    },
  });
}
