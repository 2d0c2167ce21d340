import type { HighlightSegment } from './knowledge-api';

/** A search snippet: matched words as <mark>, everything as text (never HTML). */
export function HighlightText({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="victor-kb-hit">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
