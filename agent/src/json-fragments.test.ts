import { describe, expect, it } from 'vitest';
import type { PreparedJson } from '@deskside/core';
import { JsonFragments } from './json-fragments';

const text = (prepared: PreparedJson) => prepared.toString();

describe('JsonFragments', () => {
  it('writes the same JSON as JSON.stringify, remembered members or not', () => {
    const fragments = new JsonFragments();
    const software = { programs: [{ name: 'Łódź Writer', version: '1.0' }], note: 'ελληνικά' };
    const updates = [{ id: 'KB1', title: 'naïve fix' }];
    fragments.remember(software);
    fragments.remember(updates);
    const document = {
      schemaVersion: 2,
      hostname: 'pc-01',
      software,
      missing: undefined,
      cpu: { load: null, cores: [1, 2] },
      updates,
      problems: [],
    };
    expect(text(fragments.serialize(document))).toBe(JSON.stringify(document));
    expect(text(fragments.serialize({ software }))).toBe(JSON.stringify({ software }));
    expect(text(fragments.serialize({}))).toBe('{}');
  });

  it('serialises a remembered member once, however many documents hold it', () => {
    const fragments = new JsonFragments();
    let stringified = 0;
    const software = {
      toJSON: () => {
        stringified++;
        return { programs: [] };
      },
    };
    fragments.remember(software);
    fragments.serialize({ software });
    fragments.serialize({ hostname: 'pc-01', software });
    expect(stringified).toBe(1);
  });

  it('knows a member by its identity: an equal copy is serialised afresh', () => {
    const fragments = new JsonFragments();
    const remembered = { programs: ['a'] };
    fragments.remember(remembered);
    let stringified = 0;
    const copy = {
      toJSON: () => {
        stringified++;
        return { programs: ['b'] };
      },
    };
    expect(text(fragments.serialize({ software: copy }))).toBe('{"software":{"programs":["b"]}}');
    expect(stringified).toBe(1);
  });
});
