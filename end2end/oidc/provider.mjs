// A real OpenID Connect provider (npm oidc-provider, a certified
// implementation) on loopback, standing in for the e-ID broker a
// municipality buys (BankID and Freja eID+ behind OpenID Connect). The test
// command starts it; the server's tests sign in through it.
//
// Its people are picked on its own login page (no password: the e-ID app's
// part is not what is tested). A few of them make the provider misbehave on
// purpose, so that every check Blankett makes of an ID token is tried
// against a real token endpoint: an expired token, another audience, another
// issuer, a broken signature, a nonce of another sign-in.
//
// Usage: OIDC_PORT=4011 node oidc/provider.mjs
import http from 'node:http';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT || 4011);
const issuer = `http://127.0.0.1:${port}`;
const LOA = (n) => `http://id.elegnamnden.se/loa/1.0/loa${n}`;
const EIDAS_SUBSTANTIAL = 'http://id.elegnamnden.se/loa/1.0/eidas-sub';
const PIN = 'https://id.oidc.se/claim/personalIdentityNumber';

const anna = { name: 'Anna Andersson', given: 'Anna', family: 'Andersson', pin: '198112189876', acr: LOA(3) };
const people = {
  anna,
  // Lars's ID token says only who he is; his name and number are at the
  // userinfo endpoint, as some brokers do it.
  lars: { name: 'Lars Svensson', given: 'Lars', family: 'Svensson', pin: '194503151237', acr: LOA(3), misbehave: 'minimal' },
  maja: { name: 'Maja Lind', given: 'Maja', family: 'Lind', pin: '199207044521', acr: LOA(2) },
  jeanne: { name: 'Jeanne Dupont', given: 'Jeanne', family: 'Dupont', acr: EIDAS_SUBSTANTIAL },
  expired: { ...anna, misbehave: 'expired' },
  'wrong-audience': { ...anna, misbehave: 'wrong-audience' },
  'other-issuer': { ...anna, misbehave: 'other-issuer' },
  'bad-signature': { ...anna, misbehave: 'bad-signature' },
  'wrong-nonce': { ...anna, misbehave: 'wrong-nonce' },
  // Staff of the municipality, signing in to Blankett's staff pages
  // through the second client: one with a Blankett account, one without.
  hanna: { name: 'Hanna Handläggare', given: 'Hanna', family: 'Handläggare', username: 'handlaggare', acr: LOA(3) },
  olle: { name: 'Olle Okänd', given: 'Olle', family: 'Okänd', username: 'olle.okand', acr: LOA(3) },
};

// The signing key is made here, so that the misbehaving answers below can
// be signed with it as well.
const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'signing-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'blankett',
      client_secret: 'blankett-test-secret',
      // A loopback redirect on any port (RFC 8252): each test server has
      // a port of its own.
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/signin/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1/signed-out'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      // The level of assurance always goes into the ID token's `acr`, as
      // Swedish e-ID brokers do.
      default_acr_values: [LOA(2), LOA(3), LOA(4), EIDAS_SUBSTANTIAL],
    },
    {
      // The municipality's identity provider, as staff sign in through it.
      client_id: 'blankett-staff',
      client_secret: 'blankett-staff-test-secret',
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/staff/signin/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  acrValues: [LOA(2), LOA(3), LOA(4), EIDAS_SUBSTANTIAL],
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', PIN],
  },
  // As brokers commonly do: the ID token proves who signed in; the
  // details come from the userinfo endpoint.
  conformIdTokenClaims: true,
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  findAccount: (ctx, id) => {
    const person = people[id];
    if (!person) return undefined;
    return {
      accountId: id,
      claims: () => ({
        sub: id,
        name: person.name,
        given_name: person.given,
        family_name: person.family,
        ...(person.pin ? { [PIN]: person.pin } : {}),
        ...(person.username ? { preferred_username: person.username } : {}),
      }),
    };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
});
provider.proxy = false;

// The misbehaving answers of the token endpoint.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.id_token) return;
  const claims = jose.decodeJwt(ctx.body.id_token);
  const mode = people[claims.sub]?.misbehave;
  if (!mode) return;
  if (mode === 'bad-signature') {
    const [header, payload, signature] = ctx.body.id_token.split('.');
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    ctx.body = { ...ctx.body, id_token: `${header}.${payload}.${flipped}` };
    return;
  }
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'minimal') {
    for (const claim of ['name', 'given_name', 'family_name', PIN]) delete claims[claim];
  }
  const changed = {
    minimal: {},
    expired: { iat: now - 1200, exp: now - 600 },
    'wrong-audience': { aud: 'another-service' },
    'other-issuer': { iss: 'http://127.0.0.1:9/another-provider' },
    'wrong-nonce': { nonce: 'the-nonce-of-another-sign-in' },
  }[mode];
  const token = await new jose.SignJWT({ ...claims, ...changed })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
    .sign(privateKey);
  ctx.body = { ...ctx.body, id_token: token };
});

const page = (uid, error) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider</title></head>
<body><h1>Test provider: sign in</h1>${error ? '<p role="alert">Choose someone</p>' : ''}
<form method="post" action="/interaction/${uid}/login"><fieldset><legend>Who signs in?</legend>
${Object.entries(people)
  .map(([id, p]) => `<label><input type="radio" name="account" value="${id}"> ${p.name}${p.misbehave ? ` (${p.misbehave})` : ''}</label><br>`)
  .join('\n')}
</fieldset><button type="submit">Sign in</button>
<button type="submit" name="cancel" value="1">Cancel</button></form></body></html>`;

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const login = url.pathname.match(/^\/interaction\/([^/]+)\/login$/);
    const shown = url.pathname.match(/^\/interaction\/([^/]+)$/);
    if (shown && req.method === 'GET') {
      const details = await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(details.uid, false));
      return;
    }
    if (login && req.method === 'POST') {
      const details = await provider.interactionDetails(req, res);
      const form = await body(req);
      if (form.get('cancel')) {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'The person cancelled',
        }, { mergeWithLastSubmission: false });
        return;
      }
      const account = form.get('account');
      if (!people[account]) {
        res.writeHead(422, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page(details.uid, true));
        return;
      }
      const grant = new provider.Grant({ accountId: account, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, {
        login: { accountId: account, acr: people[account].acr },
        consent: { grantId },
      }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(`OpenID Connect provider at ${issuer}`);
});
