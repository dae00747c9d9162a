import { Download } from "@/components/ui/icons/download";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { roadmapExportHref } from "@/lib/features/roadmaps/utils";

const EXPORT_FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "json", label: "JSON" },
] as const;

export type ExportMenuProps = {
  /** The roadmap's id (its slug works too). */
  roadmapId: string;
  /** The version to export. */
  versionNumber: number;
  className?: string;
};

/**
 * "Export" for one roadmap version: plain download links (they work without JavaScript and with the keyboard)
 * to the Markdown and the JSON file, `<slug>-v<N>.md` / `.json`. Admin pages only: the route answers 404 to others.
 */
export function ExportMenu({ roadmapId, versionNumber, className }: ExportMenuProps) {
  return (
    <div role="group" aria-label={`Export version ${versionNumber}`} className={cn("flex flex-wrap items-center gap-2", className)}>
      {EXPORT_FORMATS.map(({ format, label }) => (
        <Button key={format} asChild variant="secondary" size="sm">
          <a href={roadmapExportHref(roadmapId, versionNumber, format)} download>
            <Download aria-hidden />
            Export {label}
          </a>
        </Button>
      ))}
    </div>
  );
}
