"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

const CELL = "td[data-fill]";
const HEADER = "thead th[data-key]";
const TOTAL = "tfoot td";
const RISK_BADGE = "button[data-risks]";

/** A cell's, header's or total's label above or below it, or a risk badge's reasons to its right. */
type Tip = { left: number; top: number } & ({ text: string; below: boolean } | { reasons: string[] });

/** The milestone column a cell sits in: its position among its row's cells, matched to the milestone headers. */
function columnOf(cell: HTMLElement): HTMLElement | null {
  const row = cell.closest("tr");
  const index = row ? Array.prototype.indexOf.call(row.querySelectorAll(CELL), cell) : -1;
  return cell.closest("table")?.querySelectorAll<HTMLElement>(HEADER)[index] ?? null;
}

/** A milestone header's accessible name is "3.2 Experiment tracking"; the title is what follows the code. */
function titleOf(header: HTMLElement | null): string {
  const label = header?.getAttribute("aria-label") ?? "";
  return label.slice(label.indexOf(" ") + 1);
}

function learnerOf(cell: HTMLElement): HTMLElement | null {
  return cell.closest<HTMLElement>("tr[data-learner]");
}

function cellHref(cell: HTMLElement, learnerBase: string): string | null {
  const learner = learnerOf(cell)?.dataset.learner;
  const key = columnOf(cell)?.dataset.key;
  return learner && key ? `${learnerBase}/${learner}#m-${key}` : null;
}

/** "Amara Okafor — Experiment tracking: Approved", from the row's name, the column's title and the cell's status. */
function cellLabel(cell: HTMLElement): string {
  const name = learnerOf(cell)?.querySelector("th a")?.textContent ?? "";
  return `${name} — ${titleOf(columnOf(cell))}: ${cell.textContent ?? ""}`;
}

/** "3 of 13 done: Experiment tracking" for a milestone's total below the rows; null for the row totals' corner. */
function totalLabel(total: HTMLElement): string | null {
  const row = total.closest("tr");
  const index = row ? Array.prototype.indexOf.call(row.querySelectorAll("td"), total) : -1;
  const header = total.closest("table")?.querySelectorAll<HTMLElement>(HEADER)[index];
  return header ? `${total.textContent ?? ""} of ${row?.dataset.matched ?? ""} done: ${titleOf(header)}` : null;
}

/**
 * The matrix's behaviour, around its server-rendered table: one Tab stop for all cells, arrow keys to move
 * (ARIA grid pattern, roving tabindex), Enter or a click to open that learner's milestone, and one shared
 * tooltip with the focused or hovered cell's learner, milestone and status, a milestone header's full name, a
 * total's count and milestone, or a risk badge's reasons (so neither the headers nor the badge repeat that text). Cells stay plain <td>s holding only their status — one DOM node and a few
 * bytes each — so a page of the matrix fits the DOM and HTML budgets; screen readers announce the row and column
 * headers with the status. Without JavaScript the learner names still link to the same pages.
 */
export function MatrixGrid({ learnerBase, children }: { learnerBase: string; children: ReactNode }) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  // The tooltip is placed in viewport coordinates; any page scroll would leave it behind.
  useEffect(() => {
    if (!tip) return;
    const hide = () => setTip(null);
    window.addEventListener("scroll", hide, { passive: true, once: true });
    return () => window.removeEventListener("scroll", hide);
  }, [tip]);

  function grid(): HTMLElement[][] {
    const rows = box.current?.querySelectorAll<HTMLTableRowElement>("tbody tr") ?? [];
    return Array.from(rows, (row) => Array.from(row.querySelectorAll<HTMLElement>(CELL)));
  }

  function show(element: HTMLElement, text: string) {
    const rect = element.getBoundingClientRect();
    const below = rect.top < 120;
    setTip({
      text,
      left: rect.left + rect.width / 2,
      top: below ? rect.bottom + 6 : rect.top - 6,
      below,
    });
  }

  function showReasons(badge: HTMLElement) {
    const rect = badge.getBoundingClientRect();
    setTip({
      reasons: Array.from(badge.querySelectorAll("[data-reason]"), (reason) => reason.textContent ?? ""),
      left: rect.right + 6,
      top: rect.top + rect.height / 2,
    });
  }

  /** Shows the tooltip of the cell, milestone header, total or risk badge `target` is in; false when it is in none. */
  function showFor(target: EventTarget): boolean {
    const element = target as HTMLElement;
    const badge = element.closest<HTMLElement>(RISK_BADGE);
    if (badge) {
      showReasons(badge);
      return true;
    }
    const cell = element.closest<HTMLElement>(CELL);
    const header = cell ? null : element.closest<HTMLElement>(HEADER);
    const total = cell || header ? null : element.closest<HTMLElement>(TOTAL);
    const text = cell ? cellLabel(cell) : header ? header.getAttribute("aria-label") : total ? totalLabel(total) : null;
    const anchor = cell ?? header ?? total;
    if (!anchor || !text) return false;
    show(anchor, text);
    return true;
  }

  function focusCell(cell: HTMLElement) {
    for (const other of box.current?.querySelectorAll<HTMLElement>(`${CELL}[tabindex="0"]`) ?? []) other.tabIndex = -1;
    cell.tabIndex = 0;
    cell.focus();
    cell.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function open(cell: HTMLElement, newTab: boolean) {
    const href = cellHref(cell, learnerBase);
    if (!href) return;
    if (newTab) window.open(href, "_blank", "noopener");
    else router.push(href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // A tooltip can be dismissed without moving the pointer or the focus.
    if (event.key === "Escape" && tip) {
      setTip(null);
      return;
    }
    const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL);
    if (!cell) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(cell, event.ctrlKey || event.metaKey);
      return;
    }
    const rows = grid();
    const y = rows.findIndex((row) => row.includes(cell));
    const x = rows[y]?.indexOf(cell) ?? -1;
    if (y < 0 || x < 0) return;
    const last = rows.length - 1;
    const width = rows[y]!.length - 1;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [y, Math.min(width, x + 1)],
      ArrowLeft: [y, Math.max(0, x - 1)],
      ArrowDown: [Math.min(last, y + 1), x],
      ArrowUp: [Math.max(0, y - 1), x],
      PageDown: [Math.min(last, y + 5), x],
      PageUp: [Math.max(0, y - 5), x],
      Home: event.ctrlKey ? [0, 0] : [y, 0],
      End: event.ctrlKey ? [last, rows[last]!.length - 1] : [y, width],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    const next = rows[target[0]]?.[target[1]];
    if (next) focusCell(next);
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL);
    if (cell) open(cell, event.ctrlKey || event.metaKey);
  }

  function onAuxClick(event: MouseEvent<HTMLDivElement>) {
    const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL);
    if (cell && event.button === 1) open(cell, true);
  }

  function onPointerOver(event: MouseEvent<HTMLDivElement>) {
    if (!showFor(event.target)) setTip(null);
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    showFor(event.target);
    const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL);
    if (!cell) return;
    // A click also focuses a cell: keep the roving tab stop where the person is.
    for (const other of box.current?.querySelectorAll<HTMLElement>(`${CELL}[tabindex="0"]`) ?? []) other.tabIndex = -1;
    cell.tabIndex = 0;
  }

  return (
    <div
      ref={box}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onAuxClick={onAuxClick}
      onMouseOver={onPointerOver}
      onMouseLeave={() => setTip(null)}
      onFocus={onFocus}
      onBlur={() => setTip(null)}
      onScroll={() => setTip(null)}
      className="relative max-h-[min(75vh,56rem)] overflow-auto overscroll-x-contain rounded-lg border border-border bg-surface"
    >
      {children}
      {tip ? (
        <div
          aria-hidden
          style={{ left: tip.left, top: tip.top }}
          className={`pointer-events-none fixed z-50 max-w-xs rounded-md bg-foreground px-2 py-1 text-xs leading-5 text-background shadow-popover ${"reasons" in tip ? "-translate-y-1/2" : tip.below ? "-translate-x-1/2" : "-translate-x-1/2 -translate-y-full"}`}
        >
          {"reasons" in tip ? (
            <ul className="grid list-disc gap-0.5 pl-4">
              {tip.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            tip.text
          )}
        </div>
      ) : null}
    </div>
  );
}
