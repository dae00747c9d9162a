import { NotFoundMessage } from "@/components/layout/not-found-message";

// Signed-in pages that call notFound() render inside the app shell, which already provides the one <main>.
export default function SignedInNotFound() {
  return (
    <div className="grid place-items-center py-16">
      <NotFoundMessage />
    </div>
  );
}
