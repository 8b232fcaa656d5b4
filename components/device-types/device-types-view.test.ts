import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../api/keys";
import { DeviceTypesView } from "./device-types-view";

describe("the device types page", () => {
  it("reads the device-types cache as the alert rule editor filled it (the API's {items} answer)", () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.deviceTypes(), {
      items: [{ slug: "soil", name: "Soil probe", inactivityTimeoutS: 300, devices: 2, metrics: [] }],
    });
    const html = renderToString(
      h(QueryClientProvider, { client: qc }, h(DeviceTypesView, { initial: [], canEdit: false })),
    );
    expect(html).toContain("Soil probe");
  });
});
