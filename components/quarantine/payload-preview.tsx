import type { QuarantineItemView } from "@/lib/server/quarantine/view";

const KIB = 1024;
const formatBytes = (n: number) =>
  n < KIB ? `${n} B` : n < KIB * KIB ? `${(n / KIB).toFixed(1)} KiB` : `${(n / KIB / KIB).toFixed(1)} MiB`;

/**
 * The payload's first bytes (text, or hex when it isn't UTF-8), folded; what is stored as a
 * download. Of an oversized payload only the first bytes are stored, and it says so.
 */
export function PayloadPreview({ item }: { item: QuarantineItemView }) {
  const cut = item.payloadCut;
  const summary = `Payload · ${formatBytes(item.payloadBytes)}${cut ? ` · only the first ${formatBytes(cut.keptBytes)} kept` : ""}${item.previewEncoding === "hex" ? " · not UTF-8, shown as hex" : ""}`;
  return (
    <details className="group">
      <summary className="cursor-pointer text-xs text-muted select-none hover:text-foreground">
        {summary}
      </summary>
      <pre className="mt-1.5 max-h-48 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:bg-zinc-800">
        {item.preview === "" ? <span className="text-muted">(empty)</span> : item.preview}
        {item.truncated && <span className="text-muted">{"\n"}… only the first 2 KiB are shown</span>}
      </pre>
      {cut && (
        <p className="mt-1 text-xs text-muted [overflow-wrap:anywhere]">
          First {cut.keptBytes} bytes of {item.payloadBytes}, sha256 {cut.sha256}. The rest was not kept, so
          this message can&apos;t be replayed.
        </p>
      )}
      <a
        href={`/api/quarantine/${item.id}/payload`}
        className="mt-1 inline-block text-xs text-accent hover:underline"
        download
      >
        {cut ? `Download the first ${cut.keptBytes} bytes` : "Download the exact bytes"}
      </a>
    </details>
  );
}
