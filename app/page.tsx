import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { loadHomePath } from "@/lib/features/users/loaders";

// `/` sends each person to their home (docs/product.md, "Screens").
export default async function HomePage() {
  const viewer = await requireViewer();
  redirect(await loadHomePath(viewer));
}
