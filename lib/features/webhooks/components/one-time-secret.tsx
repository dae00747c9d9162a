import { OneTimeValue } from "@/components/ui/one-time-value";

/** The signing secret, shown this once with a copy button: Cairn never shows it again (decision 062). */
export function OneTimeSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <OneTimeValue
      value={secret}
      label="Signing secret"
      hint="Copy it into the receiver's configuration now: you won't see it again. It verifies each delivery's signature."
      copyLabel="Copy secret"
      noun="secret"
      region="Signing secret"
      onDone={onDone}
    />
  );
}
