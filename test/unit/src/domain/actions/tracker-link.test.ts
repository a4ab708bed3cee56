import assert from 'node:assert/strict';

import { trackerLink } from '../../../../../src/domain/actions/tracker-link';

describe('trackerLink', () => {
  it('should deep-link to the tracker static tab of the Teams app outside dev mode', () => {
    const url = trackerLink({ teamsAppId: '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b', devMode: false, serverUrl: 'http://127.0.0.1:3978' });
    assert.equal(url, 'https://teams.microsoft.com/l/entity/3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b/tracker');
  });

  it('should link to the tab page on this server in dev mode', () => {
    const url = trackerLink({ teamsAppId: 'x', devMode: true, serverUrl: 'http://127.0.0.1:3978' });
    assert.equal(url, 'http://127.0.0.1:3978/tabs/?page=tracker');
  });

  it('should use the public host name when there is no Teams app id', () => {
    assert.equal(trackerLink({ devMode: false, publicHostname: 'sl.example.org', serverUrl: 'http://10.0.0.4:3978' }), 'https://sl.example.org/tabs/?page=tracker');
  });
});
