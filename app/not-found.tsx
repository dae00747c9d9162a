import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <NotFoundMessage />
    </main>
  );
}
