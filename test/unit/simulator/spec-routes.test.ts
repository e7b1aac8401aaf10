// Every data and identity route the simulator serves exists in the published specs (Fitbit Swagger
// paths, Google Health discovery methods), and sample responses use the schemas' field names.
import fs from 'node:fs';
import path from 'node:path';
import { ROUTES, type Simulator } from '../../../dev/simulator/index';
import { FITBIT_ACTIVITY_RESOURCES } from '../../../dev/simulator/fitbit-values';
import { GOOGLE_DATA_TYPES } from '../../../dev/simulator/google-rollups';
import { DAILY_SUMMARY_TYPES } from '../../../dev/simulator/google-summaries';
import { SAMPLE_TYPES } from '../../../dev/simulator/google-samples';
import { fitbitTokens, get, googleTokens, postJson, startSimulator, NOON_LA } from './helpers';

// The API descriptions kept in the repository (specs/README.md says where each comes from).
const SPECS = path.join(__dirname, '..', '..', '..', 'specs');
/* eslint-disable @typescript-eslint/no-explicit-any */
const swagger: any = JSON.parse(
  fs.readFileSync(path.join(SPECS, 'fitbit-web-api-swagger.json'), 'utf8'),
);
const discovery: any = JSON.parse(
  fs.readFileSync(path.join(SPECS, 'google-health-v4.discovery.json'), 'utf8'),
);

const served = ROUTES.filter((r) => r.kind === 'data' || r.kind === 'identity');

function discoveryMethod(id: string): any {
  let node = discovery;
  const parts = id.split('.');
  for (const p of parts.slice(0, -1)) node = node?.resources?.[p];
  return node?.methods?.[parts[parts.length - 1]];
}

/** Checks every key of a sample value against a discovery schema, recursively. */
function expectSchemaFields(value: any, schemaName: string, where: string): void {
  const schema = discovery.schemas[schemaName];
  expect(schema).toBeDefined();
  for (const [k, v] of Object.entries(value)) {
    const prop = schema.properties[k];
    if (!prop) throw new Error(`${where}.${k} is not a field of ${schemaName}`);
    const ref = prop.$ref ?? prop.items?.$ref;
    if (ref && v && typeof v === 'object') {
      for (const item of Array.isArray(v) ? v : [v]) expectSchemaFields(item, ref, `${where}.${k}`);
    }
  }
}

test('the simulator serves data routes for both providers', () => {
  expect(served.filter((r) => r.host === 'api.fitbit.com').length).toBeGreaterThanOrEqual(8);
  expect(served.filter((r) => r.host === 'health.googleapis.com').length).toBe(5);
});

test.each(served.filter((r) => r.host === 'api.fitbit.com').map((r) => [r.method, r.template]))(
  'Fitbit %s %s is a Swagger path with that method',
  (method, template) => {
    expect(swagger.paths[template]?.[method.toLowerCase()]).toBeDefined();
  },
);

test('every simulated Fitbit resource is in the Swagger resource-path enums', () => {
  const activity = swagger.paths[
    '/1/user/-/activities/{resource-path}/date/{base-date}/{end-date}.json'
  ].get.parameters.find((p: any) => p.name === 'resource-path').enum;
  expect([...activity].sort()).toEqual([...FITBIT_ACTIVITY_RESOURCES].sort());
  const body = swagger.paths[
    '/1/user/-/body/{resource-path}/date/{base-date}/{end-date}.json'
  ].get.parameters.find((p: any) => p.name === 'resource-path').enum;
  expect(body).toContain('weight');
});

test('the Fitbit OAuth token and introspect routes are Swagger paths too', () => {
  for (const r of ROUTES.filter(
    (x) => x.host === 'api.fitbit.com' && x.kind === 'oauth' && x.template !== '/oauth2/revoke',
  )) {
    expect(swagger.paths[r.template]?.[r.method.toLowerCase()]).toBeDefined();
  }
});

test.each(
  served
    .filter((r) => r.host === 'health.googleapis.com')
    .map((r) => [r.discoveryMethod, r.method, r.template]),
)(
  'Google %s (%s %s) is a discovery method with that HTTP method and path',
  (id, method, template) => {
    const m = discoveryMethod(id as string);
    expect(m).toBeDefined();
    expect(m.httpMethod).toBe(method);
    const pattern = (m.path as string)
      .split(/\{\+[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    const re = new RegExp(`^/${pattern}$`);
    expect(template).toMatch(re);
    const example = (m.parameters.parent ?? m.parameters.name).description as string;
    const exampleName = template.includes('dataTypes')
      ? 'users/me/dataTypes/steps'
      : 'users/me/identity';
    expect(example).toContain(exampleName);
  },
);

test('every simulated Google data type names a DailyRollupDataPoint member and is documented as a data type', () => {
  const members = discovery.schemas.DailyRollupDataPoint.properties;
  for (const [type, spec] of Object.entries(GOOGLE_DATA_TYPES)) {
    expect(members[spec.member]).toBeDefined();
    expect(members[spec.member].description).toContain(`\`${type}\``);
  }
});

test('the dailyRollUp request fields the add-on sends are DailyRollUpDataPointsRequest fields', () => {
  const props = discovery.schemas.DailyRollUpDataPointsRequest.properties;
  for (const f of ['range', 'windowSizeDays', 'pageSize', 'pageToken'])
    expect(props[f]).toBeDefined();
  expect(discovery.schemas.CivilTimeInterval.properties.start.$ref).toBe('CivilDateTime');
  expect(Object.keys(discovery.schemas.Date.properties).sort()).toEqual(['day', 'month', 'year']);
});

describe('sample responses', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ atMs: NOON_LA });
  });
  afterAll(async () => {
    await sim.close();
  });

  test('Google roll-ups and identity use only the schemas’ field names', async () => {
    const t = await googleTokens(sim);
    const auth = { authorization: `Bearer ${t.access_token}` };
    for (const type of Object.keys(GOOGLE_DATA_TYPES)) {
      const r = await postJson(
        sim,
        `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints:dailyRollUp`,
        {
          range: {
            start: { date: { year: 2026, month: 9, day: 1 } },
            end: { date: { year: 2026, month: 9, day: 15 } },
          },
          pageSize: 5,
        },
        auth,
      );
      expect(r.status).toBe(200);
      expect(r.body.rollupDataPoints.length).toBeGreaterThan(0);
      expectSchemaFields(r.body, 'DailyRollUpDataPointsResponse', type);
    }
    const id = await get(sim, 'health.googleapis.com/v4/users/me/identity', auth);
    expectSchemaFields(id.body, 'Identity', 'identity');
  });

  test('Google daily-summary lists use only the schemas’ field names, each member a DataPoint member', async () => {
    const t = await googleTokens(sim);
    const auth = { authorization: `Bearer ${t.access_token}` };
    const members = discovery.schemas.DataPoint.properties;
    for (const [type, spec] of Object.entries(DAILY_SUMMARY_TYPES)) {
      expect(members[spec.member]?.$ref).toBeDefined();
      const field = type.replace(/-/g, '_');
      const filter = `${field}.date >= "2026-09-01" AND ${field}.date < "2026-09-15"`;
      const r = await get(
        sim,
        `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints?pageSize=10000&filter=${encodeURIComponent(filter)}`,
        auth,
      );
      expect([type, r.status]).toEqual([type, 200]);
      expect(r.body.dataPoints.length).toBeGreaterThan(5);
      expectSchemaFields(r.body, 'ListDataPointsResponse', type);
      for (const p of r.body.dataPoints)
        expect(Object.keys(p[spec.member].date).sort()).toEqual(['day', 'month', 'year']);
    }
  });

  test('Google sample lists (height, weight, body fat) use only the schemas’ field names; a scale through Health Connect says so', async () => {
    sim.addUser({ email: 'scale@example.com', scaleVia: 'HEALTH_CONNECT' });
    const platforms = discovery['x-enums']['DataSource.platform'] as string[];
    const listOf = async (user: string, type: string, filter: string) => {
      const t = await googleTokens(sim, { user });
      return get(
        sim,
        `health.googleapis.com/v4/users/me/dataTypes/${type}/dataPoints?pageSize=10000&filter=${encodeURIComponent(filter)}`,
        { authorization: `Bearer ${t.access_token}` },
      );
    };
    for (const [type, spec] of Object.entries(SAMPLE_TYPES)) {
      const field = `${type.replace(/-/g, '_')}.sample_time.civil_time`;
      const r = await listOf('scale@example.com', type, `${field} < "2026-11-23"`);
      expect([type, r.status]).toEqual([type, 200]);
      expect(r.body.dataPoints.length).toBeGreaterThan(type === 'height' ? 1 : 20);
      expectSchemaFields(r.body, 'ListDataPointsResponse', type);
      for (const p of r.body.dataPoints) {
        expect(platforms).toContain(p.dataSource.platform);
        expect(Object.keys(p[spec.member].sampleTime).sort()).toEqual([
          'civilTime',
          'physicalTime',
          'utcOffset',
        ]);
        if (type !== 'height') expect(p.dataSource.platform).toBe('HEALTH_CONNECT');
      }
    }
    // The default person weighs on a Fitbit scale; heights are int64 strings, newest first.
    const w = await listOf(
      'user@example.com',
      'weight',
      'weight.sample_time.physical_time >= "2026-11-01T00:00:00Z"',
    );
    for (const p of w.body.dataPoints ?? []) expect(p.dataSource.platform).toBe('FITBIT');
    const h = await listOf('user@example.com', 'height', '');
    const mm = h.body.dataPoints.map((p: any) => p.height.heightMillimeters);
    for (const v of mm) expect(v).toMatch(/^\d+$/);
    const times = h.body.dataPoints.map((p: any) => p.height.sampleTime.physicalTime);
    expect([...times].sort().reverse()).toEqual(times);
    // A filter on another field is 400 INVALID_ARGUMENT, as the API answers.
    const bad = await listOf('user@example.com', 'height', 'height.date >= "2026-01-01"');
    expect(bad.status).toBe(400);
    expect(bad.body.error.status).toBe('INVALID_ARGUMENT');
  });

  test('Fitbit series bodies are keyed activities-<resource> with dateTime/value entries', async () => {
    const t = await fitbitTokens(sim);
    for (const resource of FITBIT_ACTIVITY_RESOURCES) {
      const r = await get(
        sim,
        `api.fitbit.com/1/user/-/activities/${resource}/date/2026-09-01/2026-09-07.json`,
        {
          authorization: `Bearer ${t.access_token}`,
        },
      );
      expect(Object.keys(r.body)).toEqual([`activities-${resource}`]);
      for (const e of r.body[`activities-${resource}`])
        expect(Object.keys(e)).toEqual(['dateTime', 'value']);
    }
  });
});
