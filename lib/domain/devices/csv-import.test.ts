import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvTemplate, MAX_IMPORT_ROWS, readDeviceCsv } from "./csv-import";
import { csvCell, parseCsv } from "./csv-parse";

const fieldsOf = (text: string) => {
  const parsed = parseCsv(text);
  return parsed.ok ? parsed.records.map((r) => [r.row, ...r.fields]) : parsed.message;
};

describe("parseCsv (RFC 4180)", () => {
  it.each([
    [
      "plain LF",
      "a,b\n1,2\n",
      [
        [1, "a", "b"],
        [2, "1", "2"],
      ],
    ],
    [
      "CRLF, no final break",
      "a,b\r\n1,2",
      [
        [1, "a", "b"],
        [2, "1", "2"],
      ],
    ],
    [
      "lone CR",
      "a\r1",
      [
        [1, "a"],
        [2, "1"],
      ],
    ],
    [
      "BOM dropped",
      "\ufeffkey\nx",
      [
        [1, "key"],
        [2, "x"],
      ],
    ],
    ["quoted comma", 'a,"b,c"\n', [[1, "a", "b,c"]]],
    ["doubled quote", '"say ""hi"""', [[1, 'say "hi"']]],
    [
      "newline in a field keeps the row count",
      'a,"two\r\nlines"\nb,c',
      [
        [1, "a", "two\r\nlines"],
        [2, "b", "c"],
      ],
    ],
    ["empty fields", ",,\n", [[1, "", "", ""]]],
    ["empty quoted field", '""\n', [[1, ""]]],
    ["quote inside an unquoted value kept", 'ab"c', [[1, 'ab"c']]],
    [
      "blank line is a row",
      "a\n\nb",
      [
        [1, "a"],
        [2, ""],
        [3, "b"],
      ],
    ],
    ["space after a closing quote", '"a" ,b', [[1, "a", "b"]]],
  ])("%s", (_name, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected);
  });

  it.each([
    ["unclosed quote", 'a\n"open,\nmore', "row 2: a quoted value is never closed"],
    ["text after a closing quote", '"a"b', "row 1: a quoted value must be followed by a comma"],
  ])("rejects %s with its row", (_name, text, message) => {
    expect(fieldsOf(text)).toContain(message);
  });

  it("reads back what csvCell wrote, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = rows.map((r) => r.map(csvCell).join(",")).join("\r\n");
          const parsed = parseCsv(text);
          expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});

const rowsOf = (text: string) => {
  const result = readDeviceCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.rows;
};

describe("readDeviceCsv", () => {
  it("reads columns in any order and case, numbers as numbers, empty optional cells as absent", () => {
    const [row] = rowsOf(
      'Site,KEY,Name,Latitude,Inactivity_Timeout_S,location\r\nfarm,soil-01,"Soil, north",47.5,600,\r\n',
    );
    expect(row).toMatchObject({
      line: 2,
      errors: [],
      input: { key: "soil-01", name: "Soil, north", site: "farm", latitude: 47.5, inactivityTimeoutS: 600 },
    });
    expect(row!.input).not.toHaveProperty("type");
  });

  it("the template reads back without errors", () => {
    expect(rowsOf(csvTemplate("farm", "soil")).map((r) => r.errors)).toEqual([[]]);
  });

  it.each([
    ["a bad key", "Soil 01,Soil,farm,", "key", "use lower-case letters"],
    ["a key the app's addresses use", "import,Soil,farm,", "key", "words the app's addresses use"],
    ["a missing name", "soil-01,,farm,", "name", "required"],
    ["a missing site", "soil-01,Soil,,", "site", "required"],
    ["a latitude out of range", "soil-01,Soil,farm,95", "latitude", "latitude is between -90 and 90"],
    ["a latitude that is not a number", "soil-01,Soil,farm,north", "latitude", "latitude must be a number"],
    ["a decimal comma", 'soil-01,Soil,farm,"47,5"', "latitude", "with a point for decimals"],
    ["a timeout in fractions", "soil-01,Soil,farm,,,30.5", "inactivity_timeout_s", "whole seconds"],
    [
      "too many values",
      "soil-01,Soil,farm,1,2,60,extra",
      "row",
      "more values (7) than the header has columns (6)",
    ],
  ])("reports %s on its row and column", (_name, line, field, message) => {
    const [row] = rowsOf(`key,name,site,latitude,longitude,inactivity_timeout_s\n${line}\n`);
    expect(row!.input).toBeNull();
    expect(row!.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it("numbers rows as a spreadsheet does: blank rows skipped but counted, quoted line breaks not", () => {
    const rows = rowsOf('\ufeffkey,name,site\n\na,"two\nlines",s\n,,\nb,B,s\n');
    expect(rows.map((r) => [r.line, r.values.key])).toEqual([
      [3, "a"],
      [5, "b"],
    ]);
  });

  it.each([
    ["an empty file", "", "The file is empty"],
    ["only blank lines", "\r\n\r\n", "The file is empty"],
    ["a header only", "key,name,site\n", "no devices"],
    ["a missing required column", "key,name\nx,y", "needs the column site"],
    ["an unknown column", "key,name,site,colour\n", 'Unknown column "colour"'],
    ["a repeated column", "key,name,site,Key\n", 'The column "key" appears twice'],
    ["semicolons", "key;name;site\nx;y;z", "comma-separated"],
    ["broken quoting", 'key,name,site\nx,"y,z\n', "row 2: a quoted value is never closed"],
  ])("refuses %s with a message", (_name, text, message) => {
    const result = readDeviceCsv(text);
    expect(result.ok ? "accepted" : result.message).toContain(message);
  });

  it("refuses more than 10,000 devices and more than 2 MiB", () => {
    const many = `key,name,site\n${"a,b,c\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(readDeviceCsv(many)).toMatchObject({
      ok: false,
      message: expect.stringContaining("at most 10,000"),
    });
    expect(readDeviceCsv(`key,name,site\na,"${"x".repeat(2 * 1024 * 1024)}",c`)).toMatchObject({
      ok: false,
      message: expect.stringContaining("2 MiB"),
    });
  });

  it("never throws, whatever it is given", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom("key", "name", "site", '"', ",", "\r\n", "\n", "47.5", "-", "\ufeff"),
    );
    fc.assert(fc.property(fc.array(cell, { maxLength: 40 }), (parts) => void readDeviceCsv(parts.join(""))));
  });
});
