import { describe, expect, it } from 'vitest';
import { describeCheckCatalog } from '@deskside/core';
import { initialValues, paramFields, paramProblems, paramsFromValues } from './param-form';

const entry = (id: string) => {
  const found = describeCheckCatalog().checks.find((check) => check.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('a check’s parameter form', () => {
  it('has a field of the right kind for every parameter of every check', () => {
    for (const check of describeCheckCatalog().checks) {
      const fields = paramFields(check);
      const properties = Object.keys(check.params.properties as object);
      expect(fields.map((field) => field.name)).toEqual(properties);
    }
    expect(paramFields(entry('dns.resolve'))).toEqual([
      { name: 'name', required: true, kind: 'text', defaultValue: null, maxLength: 253 },
      {
        name: 'type',
        required: false,
        kind: 'choice',
        options: ['A', 'AAAA', 'CNAME', 'MX', 'SRV', 'TXT'],
        defaultValue: 'A',
      },
      { name: 'server', required: false, kind: 'text', defaultValue: null, maxLength: null },
      {
        name: 'port',
        required: false,
        kind: 'number',
        integer: true,
        defaultValue: 53,
        min: 1,
        max: 65535,
      },
      {
        name: 'waitMs',
        required: false,
        kind: 'number',
        integer: true,
        defaultValue: 3000,
        min: 100,
        max: 10000,
      },
    ]);
    expect(paramFields(entry('http.reach')).find((f) => f.name === 'expectStatus')).toEqual({
      name: 'expectStatus',
      required: false,
      kind: 'numbers',
      min: 100,
      max: 599,
    });
  });

  it('starts from the defaults and sends numbers as numbers, leaving blanks out', () => {
    const fields = paramFields(entry('http.reach'));
    const values = initialValues(fields);
    expect(values).toEqual({
      url: '',
      method: 'GET',
      expectStatus: '',
      warnCertDays: '14',
      waitMs: '10000',
    });
    const params = paramsFromValues(fields, {
      ...values,
      url: ' https://intranet.example/ ',
      expectStatus: '200, 204',
    });
    expect(params).toEqual({
      url: 'https://intranet.example/',
      method: 'GET',
      expectStatus: [200, 204],
      warnCertDays: 14,
      waitMs: 10000,
    });
    expect(paramProblems('http.reach', params)).toEqual({});
  });

  it('names the fields the check’s schema refuses', () => {
    const fields = paramFields(entry('tcp.port'));
    expect(paramProblems('tcp.port', paramsFromValues(fields, initialValues(fields)))).toEqual({
      host: 'required',
      port: 'required',
    });
    const bad = paramsFromValues(fields, {
      host: 'a host; rm -rf /',
      port: '70000',
      waitMs: 'soon',
    });
    expect(bad).toMatchObject({ port: 70000, waitMs: 'soon' });
    expect(paramProblems('tcp.port', bad)).toEqual({
      host: 'invalid',
      port: 'invalid',
      waitMs: 'invalid',
    });
    // Thresholds out of order are the fail threshold's problem.
    const disk = paramFields(entry('disk.free'));
    expect(
      paramProblems(
        'disk.free',
        paramsFromValues(disk, { warnBelowPercent: '10', failBelowPercent: '20' }),
      ),
    ).toEqual({ failBelowPercent: 'invalid' });
  });
});
