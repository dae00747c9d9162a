"use client";

import { useCallback, useState } from "react";
import { toast } from "@/components/ui/toast";

/** A server action's answer as the browser sees it (`ActionResult`, or a feature's richer result of the same shape). */
type Answer = { ok: true } | { ok: false; code: string; error: string; fieldErrors?: Record<string, string[]> };

/**
 * Where a message is said: "toast" — a danger toast titled with it; `{ toast: title }` — a danger toast with that
 * title and the message beneath; "alert" — the form's own alert, the hook's `alert`.
 */
export type Say = "toast" | { toast: string } | "alert";

export type UseActionOptions = {
  /** Said when Cairn could not be reached (the request failed, or no answer came); says what did not happen. */
  unreachable: string;
  /** Where a refusal's message is said. Default: "toast". */
  say?: Say;
  /** Where `unreachable` is said, when not where refusals are. */
  sayUnreachable?: Say;
  /**
   * Refusals with field errors show next to their fields (the hook's `fieldErrors`) instead of being said: every
   * field (true, the default), none (false), or only the fields this form has — errors naming no field of the form
   * are said like any other refusal.
   */
  fields?: boolean | readonly string[];
  /** Refusal codes the caller answers itself (a conflict merged into the form, an invalid link): not said. */
  handles?: readonly string[];
};

const NO_CODES: readonly string[] = [];

/**
 * The one way a client component calls a server action (decision 015): a pending flag, field errors for the form, and
 * the refusal or "could not be reached" message said where the component says things. `run` returns the answer, or
 * null when there was none, for whatever the component does next.
 */
export function useAction({ unreachable, say = "toast", sayUnreachable = say, fields = true, handles = NO_CODES }: UseActionOptions) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);

  /** `leaving`: this success navigates away (always, or when the answer says so), so the control stays busy until it does. */
  const run = useCallback(
    async <R extends Answer>(
      call: () => Promise<R>,
      { leaving = false }: { leaving?: boolean | ((answer: Extract<R, { ok: true }>) => boolean) } = {},
    ): Promise<R | null> => {
      const tell = (where: Say, message: string) => {
        if (where === "alert") setAlert(message);
        else if (where === "toast") toast({ title: message, variant: "danger" });
        else toast({ title: where.toast, description: message, variant: "danger" });
      };
      setPending(true);
      setAlert(null);
      const result = await call().catch(() => null);
      const stays = result?.ok === true && (typeof leaving === "function" ? leaving(result as Extract<R, { ok: true }>) : leaving);
      if (!stays) setPending(false);
      if (!result) {
        tell(sayUnreachable, unreachable);
        return null;
      }
      if (result.ok) {
        setFieldErrors({});
        return result;
      }
      const named = Object.keys(result.fieldErrors ?? {});
      const shownByFields = fields === true ? named.length > 0 : fields !== false && named.some((field) => fields.includes(field));
      if (fields !== false) setFieldErrors(result.fieldErrors ?? {});
      if (!shownByFields && !handles.includes(result.code)) tell(say, result.error);
      return result;
    },
    [unreachable, say, sayUnreachable, fields, handles],
  );

  return { pending, run, fieldErrors, setFieldErrors, alert, setAlert };
}
