import { LineCounter, parseDocument, type YAMLMap } from "yaml";
import { describe, expect, it } from "vitest";
import { readTlsConfig } from "../../../../agent/config/tls-config.js";
import { YamlFields } from "../../../../agent/config/yaml-fields.js";

function tlsSection(text: string): YamlFields {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  return new YamlFields("/etc/testbench/agent.yaml", lines, document.contents as YAMLMap, "").section("tls", true);
}

describe("readTlsConfig (agent.yaml tls:)", () => {
  it("resolves paths against the config file and requires client certificates when a client CA is given", () => {
    const config = readTlsConfig(tlsSection("tls:\n  certFile: agent.crt\n  keyFile: /secure/agent.key\n  clientCaFile: ca/controllers.crt\n"), "/etc/testbench/agent.yaml");
    expect(config).toEqual({ certFile: "/etc/testbench/agent.crt", keyFile: "/secure/agent.key", clientCaFile: "/etc/testbench/ca/controllers.crt", requireClientCert: true });
  });

  it("serves TLS without client certificates when no client CA is given; requireClientCert false keeps them optional", () => {
    expect(readTlsConfig(tlsSection("tls:\n  certFile: a.crt\n  keyFile: a.key\n"), "/x/agent.yaml")).toMatchObject({ clientCaFile: undefined, requireClientCert: false });
    expect(readTlsConfig(tlsSection("tls:\n  certFile: a.crt\n  keyFile: a.key\n  clientCaFile: ca.crt\n  requireClientCert: false\n"), "/x/agent.yaml")).toMatchObject({
      clientCaFile: "/x/ca.crt",
      requireClientCert: false,
    });
  });

  it.each([
    ["tls:\n  certFile: a.crt\n", /agent\.yaml:2: tls\.keyFile is required/],
    ["tls:\n  certFile: a.crt\n  keyFile: a.key\n  requireClientCert: true\n", /agent\.yaml:4: tls\.requireClientCert needs clientCaFile/],
    ["tls:\n  certFile: a.crt\n  keyFile: a.key\n  requireClientCert: yes please\n", /agent\.yaml:4: tls\.requireClientCert must be true or false/],
    ["tls:\n  certFile: a.pem\n  keyFile: a.pem\n", /agent\.yaml:3: tls\.keyFile must name another file than certFile/],
    ["tls:\n  certFile: a.crt\n  keyFile: a.key\n  caFile: ca.crt\n", /agent\.yaml:4: tls\.caFile is not a known key/],
  ])("refuses %j with a line-precise error", (text, message) => {
    expect(() => readTlsConfig(tlsSection(text), "/etc/testbench/agent.yaml")).toThrow(message);
  });
});
