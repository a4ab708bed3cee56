import assert from 'node:assert/strict';

import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

const DAY = 86_400_000;

describe('focus groups REST API', () => {
  let server: TestServer;
  let bu: string;
  let police: string;
  let school: string;
  let auditId: number;

  /** Creates a session through the API as the business unit. */
  async function createSession(body: Record<string, unknown> = {}): Promise<number> {
    const res = await server.request('POST', '/api/focus-groups', {
      token: bu,
      body: {
        auditId,
        startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
        durationMinutes: 90,
        capacity: 2,
        location: 'Council House, Room 2',
        ...body,
      },
    });
    assert.equal(res.status, 201, res.text);
    return res.body.id as number;
  }

  /** Creates a practitioner and returns their token. */
  async function practitioner(userId: string, agency = 'POLICE', roles = ['practitioner']): Promise<string> {
    return devToken(server, { userId, name: `Person ${userId}`, agency, roles });
  }

  function signUp(id: number, token: string, body: Record<string, unknown> = { role: 'Social worker' }, headers?: Record<string, string>) {
    return server.request('POST', `/api/focus-groups/${id}/signups`, { token, body, headers });
  }

  before(async () => {
    server = await startTestServer();
    bu = await devToken(server, 'dev-business-unit');
    police = await devToken(server, 'dev-practitioner-police');
    school = await devToken(server, 'dev-practitioner-school');
    const audit = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'Neglect', title: 'API audit' } });
    auditId = audit.body.id;
  });
  after(async () => {
    await server.stop();
  });

  describe('roles', () => {
    it('should refuse to create a session with 403 when the caller is a practitioner', async () => {
      const res = await server.request('POST', '/api/focus-groups', {
        token: police,
        body: { auditId, startsAt: new Date(Date.now() + DAY).toISOString(), durationMinutes: 60, capacity: 5, location: 'x' },
      });
      assert.equal(res.status, 403);
      assert.equal(res.body.error, 'forbidden');
    });

    it('should refuse to change a session or see its sign-ups with 403 when the caller is a practitioner', async () => {
      const id = await createSession();
      assert.equal((await server.request('PATCH', `/api/focus-groups/${id}`, { token: police, body: { open: false } })).status, 403);
      assert.equal((await server.request('GET', `/api/focus-groups/${id}/signups`, { token: police })).status, 403);
    });

    it('should answer 401 without a token on every focus-group route', async () => {
      const routes: [string, string][] = [
        ['GET', '/api/focus-groups'],
        ['GET', '/api/focus-groups/1'],
        ['POST', '/api/focus-groups/1/signups'],
        ['DELETE', '/api/focus-groups/1/signups/me'],
        ['POST', '/api/focus-groups'],
        ['PATCH', '/api/focus-groups/1'],
      ];
      for (const [method, path] of routes) {
        const res = await server.request(method, path, { body: method === 'GET' || method === 'DELETE' ? undefined : {} });
        assert.equal(res.status, 401, `${method} ${path}`);
      }
    });
  });

  describe('listing and detail', () => {
    it('should list open sessions the caller may join, soonest first, with seats left', async () => {
      const later = await createSession({ startsAt: new Date(Date.now() + 40 * DAY).toISOString(), capacity: 7 });
      const sooner = await createSession({ startsAt: new Date(Date.now() + 39 * DAY).toISOString(), capacity: 6 });
      const closed = await createSession({ startsAt: new Date(Date.now() + 38 * DAY).toISOString(), open: false });
      const res = await server.request('GET', '/api/focus-groups', { token: police });
      assert.equal(res.status, 200);
      const ids: number[] = res.body.focusGroups.map((g: { id: number }) => g.id);
      assert.ok(ids.indexOf(sooner) < ids.indexOf(later), 'soonest first');
      assert.ok(!ids.includes(closed), 'closed sessions are not offered');
      const starts = res.body.focusGroups.map((g: { startsAt: string }) => g.startsAt);
      assert.deepEqual(starts, [...starts].sort());
      const item = res.body.focusGroups.find((g: { id: number }) => g.id === later);
      assert.equal(item.seatsLeft, 7);
      assert.equal(item.myStatus, null);
      assert.equal(item.auditTitle, 'API audit');
    });

    it('should not offer a session for named agencies to a practitioner of another agency', async () => {
      const id = await createSession({ eligibility: { agencies: ['EDUCATION'] } });
      const forPolice = await server.request('GET', '/api/focus-groups', { token: police });
      assert.ok(!forPolice.body.focusGroups.some((g: { id: number }) => g.id === id));
      const forSchool = await server.request('GET', '/api/focus-groups', { token: school });
      assert.ok(forSchool.body.focusGroups.some((g: { id: number }) => g.id === id));
    });

    it('should report capacity, confirmedCount, waitlistLength and the caller\'s status on GET /api/focus-groups/:id', async () => {
      const id = await createSession({ capacity: 1 });
      await signUp(id, await practitioner('detail-1'));
      await signUp(id, police);
      const res = await server.request('GET', `/api/focus-groups/${id}`, { token: police });
      assert.equal(res.status, 200);
      assert.equal(res.body.capacity, 1);
      assert.equal(res.body.confirmedCount, 1);
      assert.equal(res.body.waitlistLength, 1);
      assert.equal(res.body.myStatus, 'waitlisted');
      assert.equal(res.body.myPosition, 1);
    });

    it('should answer 404 for an unknown session and 400 for an id that is not a number', async () => {
      assert.equal((await server.request('GET', '/api/focus-groups/999999', { token: police })).status, 404);
      assert.equal((await server.request('GET', '/api/focus-groups/abc', { token: police })).status, 400);
    });
  });

  describe('sign-up', () => {
    it('should confirm while seats last, then waitlist with positions 1, 2', async () => {
      const id = await createSession({ capacity: 1 });
      const first = await signUp(id, await practitioner('su-1'), { role: 'Health visitor', agency: 'ACUTE', accessNeeds: 'Step-free access' });
      assert.equal(first.status, 201);
      assert.deepEqual(first.body, { status: 'confirmed' });
      const second = await signUp(id, await practitioner('su-2'));
      assert.deepEqual([second.status, second.body], [201, { status: 'waitlisted', position: 1 }]);
      const third = await signUp(id, await practitioner('su-3'));
      assert.deepEqual([third.status, third.body], [201, { status: 'waitlisted', position: 2 }]);
      const list = await server.request('GET', `/api/focus-groups/${id}/signups`, { token: bu });
      assert.deepEqual(
        list.body.signups.map((s: { status: string; position: number | null }) => [s.status, s.position]),
        [['confirmed', null], ['waitlisted', 1], ['waitlisted', 2]]
      );
      assert.equal(list.body.signups[0].accessNeeds, 'Step-free access');
      assert.equal(list.body.signups[0].agency, 'ACUTE');
    });

    it('should answer 200 with the same place and store nothing new when the same person signs up again', async () => {
      const id = await createSession({ capacity: 1 });
      const token = await practitioner('again-1');
      const key = { 'idempotency-key': 'req-123' };
      const first = await signUp(id, token, { role: 'Teacher' }, key);
      const repeat = await signUp(id, token, { role: 'Teacher' }, key);
      const other = await signUp(id, token, { role: 'Teacher' });
      assert.equal(first.status, 201);
      assert.deepEqual([repeat.status, repeat.body], [200, first.body]);
      assert.deepEqual([other.status, other.body], [200, first.body]);
      const rows = await server.db.query('SELECT COUNT(*) AS n FROM focus_group_signups WHERE focus_group_id = ?', [id]);
      assert.equal(Number(rows[0].n), 1);
      const [group] = await server.db.query('SELECT confirmed_count FROM focus_groups WHERE id = ?', [id]);
      assert.equal(group.confirmed_count, 1);
    });

    it('should refuse sign-up with 409 and a clear message when sign-up is closed', async () => {
      const id = await createSession();
      const close = await server.request('PATCH', `/api/focus-groups/${id}`, { token: bu, body: { open: false } });
      assert.equal(close.status, 200);
      assert.equal(close.body.status, 'closed');
      const res = await signUp(id, police);
      assert.equal(res.status, 409);
      assert.match(res.body.message, /Sign-up for this focus group has closed/);
    });

    it('should refuse sign-up with 409 and a clear message when the session has already started', async () => {
      const id = await createSession();
      await server.db.query('UPDATE focus_groups SET starts_at = ? WHERE id = ?', ['2020-01-01 10:00:00.000', id]);
      const res = await signUp(id, police);
      assert.equal(res.status, 409);
      assert.match(res.body.message, /already started/);
      const list = await server.request('GET', '/api/focus-groups', { token: police });
      assert.ok(!list.body.focusGroups.some((g: { id: number }) => g.id === id), 'past sessions are not listed');
    });

    it('should refuse sign-up with 409 when the session is cancelled', async () => {
      const id = await createSession();
      await server.request('PATCH', `/api/focus-groups/${id}`, { token: bu, body: { status: 'cancelled' } });
      const res = await signUp(id, police);
      assert.equal(res.status, 409);
      assert.match(res.body.message, /cancelled/);
    });

    it('should refuse sign-up with 403 for a practitioner outside the named agencies or roles', async () => {
      const forSchools = await createSession({ eligibility: { agencies: ['EDUCATION'] } });
      const res = await signUp(forSchools, police, { role: 'PC', agency: 'EDUCATION' });
      assert.equal(res.status, 403);
      assert.match(res.body.message, /only for: Practitioners from EDUCATION/);
      const forLeads = await createSession({ eligibility: { roles: ['agency_lead'] } });
      assert.equal((await signUp(forLeads, school)).status, 403);
      const leadToken = await devToken(server, 'dev-agency-lead-police');
      assert.equal((await signUp(forLeads, leadToken)).status, 201);
      const rows = await server.db.query('SELECT COUNT(*) AS n FROM focus_group_signups WHERE focus_group_id = ?', [forSchools]);
      assert.equal(Number(rows[0].n), 0);
    });

    it('should refuse a business-unit member with 403 because sessions are for practitioners', async () => {
      const id = await createSession();
      assert.equal((await signUp(id, bu)).status, 403);
    });

    it('should reject a sign-up without a role, or with an unknown agency, with 400 and the field', async () => {
      const id = await createSession();
      const noRole = await signUp(id, police, {});
      assert.equal(noRole.status, 400);
      assert.equal(noRole.body.details.fields[0].field, 'role');
      const badAgency = await signUp(id, police, { role: 'PC', agency: 'NOPE' });
      assert.equal(badAgency.status, 400);
      assert.match(badAgency.body.message, /Unknown agency code: NOPE/);
      const extra = await signUp(id, police, { role: 'PC', focusGroupId: 3 });
      assert.equal(extra.status, 400);
    });
  });

  describe('cancel and waiting list', () => {
    it('should give the freed seat to waiting-list number 1, move the rest up and record calendar intents', async () => {
      const id = await createSession({ capacity: 1 });
      const a = await practitioner('cx-a');
      await signUp(id, a);
      await signUp(id, await practitioner('cx-b'));
      await signUp(id, await practitioner('cx-c'));
      const res = await server.request('DELETE', `/api/focus-groups/${id}/signups/me`, { token: a });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: 'cancelled', was: 'confirmed', seatPassedOn: true });
      const rows = await server.db.query(
        "SELECT person_aad_id, status, position FROM focus_group_signups WHERE focus_group_id = ? AND status <> 'cancelled' ORDER BY id",
        [id]
      );
      assert.deepEqual(rows.map((r: Record<string, unknown>) => [r.person_aad_id, r.status, r.position]), [
        ['cx-b', 'confirmed', null],
        ['cx-c', 'waitlisted', 1],
      ]);
      const intents = await server.db.query(
        'SELECT kind, aad_object_id, processed_at FROM calendar_intents WHERE focus_group_id = ? ORDER BY id',
        [id]
      );
      assert.deepEqual(intents.map((r: Record<string, unknown>) => [r.kind, r.aad_object_id, r.processed_at]), [
        ['send_invitation', 'cx-a', null],
        ['remove_attendee', 'cx-a', null],
        ['send_invitation', 'cx-b', null],
      ]);
    });

    it('should close the gap when someone leaves the waiting list', async () => {
      const id = await createSession({ capacity: 1 });
      await signUp(id, await practitioner('gap-a'));
      const b = await practitioner('gap-b');
      await signUp(id, b);
      const c = await practitioner('gap-c');
      await signUp(id, c);
      const res = await server.request('DELETE', `/api/focus-groups/${id}/signups/me`, { token: b });
      assert.deepEqual(res.body, { status: 'cancelled', was: 'waitlisted', seatPassedOn: false });
      const mine = await server.request('GET', `/api/focus-groups/${id}`, { token: c });
      assert.deepEqual([mine.body.myStatus, mine.body.myPosition, mine.body.confirmedCount], ['waitlisted', 1, 1]);
    });

    it('should answer 404 when the caller has no place to cancel', async () => {
      const id = await createSession();
      const res = await server.request('DELETE', `/api/focus-groups/${id}/signups/me`, { token: police });
      assert.equal(res.status, 404);
      assert.match(res.body.message, /no place/);
    });

    it('should let a person sign up again after cancelling', async () => {
      const id = await createSession();
      const token = await practitioner('re-1');
      await signUp(id, token);
      await server.request('DELETE', `/api/focus-groups/${id}/signups/me`, { token });
      const again = await signUp(id, token);
      assert.deepEqual([again.status, again.body], [201, { status: 'confirmed' }]);
    });
  });

  describe('managing sessions', () => {
    it('should refuse to lower capacity below the confirmed seats with 409', async () => {
      const id = await createSession({ capacity: 2 });
      await signUp(id, await practitioner('cap-a'));
      await signUp(id, await practitioner('cap-b'));
      const res = await server.request('PATCH', `/api/focus-groups/${id}`, { token: bu, body: { capacity: 1 } });
      assert.equal(res.status, 409);
      assert.match(res.body.message, /2 people already have a confirmed seat/);
    });

    it('should give new seats to the waiting list in order when capacity grows', async () => {
      const id = await createSession({ capacity: 1 });
      await signUp(id, await practitioner('grow-a'));
      await signUp(id, await practitioner('grow-b'));
      await signUp(id, await practitioner('grow-c'));
      const res = await server.request('PATCH', `/api/focus-groups/${id}`, { token: bu, body: { capacity: 2 } });
      assert.equal(res.status, 200);
      assert.deepEqual([res.body.capacity, res.body.confirmedCount, res.body.waitlistLength], [2, 2, 1]);
      const rows = await server.db.query(
        "SELECT person_aad_id, position FROM focus_group_signups WHERE focus_group_id = ? AND status = 'waitlisted'",
        [id]
      );
      assert.deepEqual(rows, [{ person_aad_id: 'grow-c', position: 1 }]);
    });

    it('should reopen a closed session', async () => {
      const id = await createSession({ open: false });
      assert.equal((await signUp(id, police)).status, 409);
      const res = await server.request('PATCH', `/api/focus-groups/${id}`, { token: bu, body: { open: true } });
      assert.equal(res.body.status, 'open');
      assert.equal((await signUp(id, police)).status, 201);
    });

    it('should reject bad session bodies with 400 naming the field', async () => {
      const base = { auditId, startsAt: new Date(Date.now() + DAY).toISOString(), durationMinutes: 60, capacity: 5, location: 'Room' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, capacity: 0 }, 'capacity'],
        [{ ...base, startsAt: 'next tuesday' }, 'startsAt'],
        [{ ...base, startsAt: new Date(Date.now() - DAY).toISOString() }, 'startsAt'],
        [{ ...base, auditId: 999999 }, 'auditId'],
        [{ ...base, eligibility: { agencies: ['NOWHERE'] } }, 'eligibility.agencies'],
        [{ ...base, location: '' }, 'location'],
      ];
      for (const [body, field] of cases) {
        const res = await server.request('POST', '/api/focus-groups', { token: bu, body });
        assert.equal(res.status, 400, `${field}: ${res.text}`);
        assert.equal(res.body.details.fields[0].field, field);
      }
      const id = await createSession();
      const empty = await server.request('PATCH', `/api/focus-groups/${id}`, { token: bu, body: {} });
      assert.equal(empty.status, 400);
    });
  });
});
