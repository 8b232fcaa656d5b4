"use client";

import { Button } from "../ui/button";
import { Card } from "../ui/card";

/** What a dashboard page shows when rendering it failed (e.g. the database is down). */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="mx-auto mt-10 max-w-lg p-6 text-center">
      <h1 className="text-base font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-muted">
        Something went wrong while showing it. If Fieldwatch lost its connection to the database, it usually
        comes back by itself.
        {error.digest && <span className="mt-1 block font-mono text-xs">Reference: {error.digest}</span>}
      </p>
      <Button variant="primary" className="mt-5" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
