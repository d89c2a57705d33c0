// The career explorer: search, a profession's card, the career graph around it, the path finder
// with the skill gap of each step, and match me. It talks only to the service's GraphQL endpoint,
// with automatic persisted queries over GET (cacheable), and POSTs a query with its hash when
// the server does not know the hash yet. The state of the page lives in its URL (deep links).
'use strict';
(() => {
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------
  // Texts, French by default.
  const TEXTS = {
    fr: {
      skip: 'Aller au contenu', title: 'Explorateur des métiers', langToggle: 'English',
      langToggleLabel: 'Show the page in English',
      searchLabel: 'Rechercher un métier', datasetLabel: 'Jeu de données', allDatasets: 'Tous les jeux de données',
      searchHint: 'Tapez un métier : « développeuse », « directrice technique »…',
      searching: 'Recherche…', noHit: 'Aucun métier trouvé.', hits: (n) => n + ' résultat' + (n > 1 ? 's' : ''),
      retry: 'Réessayer', viewsLabel: 'Vues', tabCard: 'Fiche', tabGraph: 'Graphe des carrières',
      tabPath: 'Chemin vers un métier', tabMatch: 'Ce que je sais faire',
      pickFirst: 'Choisissez d’abord un métier avec la recherche.',
      welcome: 'Cherchez un métier à gauche, ou comparez vos compétences dans « Ce que je sais faire ».',
      summary: 'En bref', qualities: 'Qualités', skills: 'Compétences', tools: 'Outils', trainings: 'Formations',
      tasks: 'Missions', equivalents: 'Équivalents dans les autres référentiels', attribution: 'Source',
      essential: 'essentielle', optional: 'facultative', otherTools: 'Autres', years: (n) => n + ' an' + (n > 1 ? 's' : ''),
      none: 'Aucune.', code: 'code', confidence: 'confiance',
      match: { EXACT: 'identique', CLOSE: 'proche', BROAD: 'plus large', NARROW: 'plus précis' },
      level: { SECONDARY: 'secondaire', HIGHER_SHORT: 'supérieur court', HIGHER_LONG: 'supérieur long',
        ADULT_EDUCATION: 'formation d’adultes', VOCATIONAL: 'professionnelle', OTHER: 'autre' },
      openGraph: 'Voir le graphe des carrières', openPath: 'Chercher un chemin',
      graphHint: 'Cliquez sur un métier pour afficher ses débouchés ; double-cliquez pour ouvrir sa fiche.',
      graphLabel: 'Graphe des carrières', pathGraphLabel: 'Graphe des chemins', legendLabel: 'Légende',
      rings: 'Anneaux de progression (1, 2 et 3 étapes)', inferredToggle: 'Inclure les évolutions déduites',
      graphListTitle: 'Métiers du graphe',
      legendStart: 'métier de départ', legendProgression: 'évolution', legendLateral: 'mobilité proche',
      legendInferred: 'débouché déduit par le service (pointillés)', legendRing: (n) => 'anneau ' + n + ' : ' + n + ' étape' + (n > 1 ? 's' : ''),
      legendPath: 'chemin le plus court',
      kind: { PROGRESSION: 'évolution', LATERAL: 'mobilité proche' },
      inferredMove: (kind, p) => kind + ' déduite' + (p == null ? '' : ', ' + p + ' %'), basis: 'pourquoi : ',
      distance: (n) => n + ' étape' + (n > 1 ? 's' : ''), expand: 'Afficher ses débouchés', expandShort: '+ débouchés', openCard: 'Ouvrir la fiche',
      expanded: 'débouchés affichés', noMoves: 'Aucun débouché connu.',
      targetLabel: 'Métier visé', pathSearching: 'Recherche des chemins…',
      noPath: 'Aucun chemin de 4 étapes au plus entre ces deux métiers.', samePath: 'Choisissez un autre métier que le métier de départ.',
      pathTitle: (i, n) => 'Chemin ' + i + ' : ' + n + ' étape' + (n > 1 ? 's' : ''), shortest: 'le plus court',
      pathsFound: (n, to) => n + ' chemin' + (n > 1 ? 's' : '') + ' trouvé' + (n > 1 ? 's' : '') + ' vers « ' + to + ' »',
      gapTitle: (a, b) => 'De « ' + a + ' » à « ' + b + ' »', coverage: (p) => 'compétences essentielles déjà acquises : ' + p + ' %',
      missing: 'Compétences à acquérir', missingTools: 'Outils à maîtriser', gapTrainings: 'Formations qui y préparent',
      showGaps: 'Voir les compétences à acquérir', loading: 'Chargement…',
      matchSkillsTitle: 'Mes compétences et outils', skillLabel: 'Ajouter une compétence ou un outil',
      mySkillsLabel: 'Compétences et outils choisis', remove: (n) => 'Retirer ' + n,
      useCardSkills: 'Reprendre les compétences de la fiche', matchRun: 'Trouver des métiers', matchClear: 'Tout retirer',
      needSkill: 'Ajoutez au moins une compétence.', matchNone: 'Aucun métier ne demande ces compétences.',
      // used: u of the g skills (and tools) the person gave of the profession's dataset;
      // covered: h of its n essential skills (of all its skills when it marks none essential).
      used: (u, g, tools) => g === 1 ? 'utilise ' + (tools ? 'votre compétence ou outil' : 'votre compétence') :
        'utilise ' + (u === g ? 'toutes vos ' : u + ' de vos ') + g + (tools ? ' compétences et outils' : ' compétences'),
      covered: (h, n, essential) => {
        if (n === 1) return (h ? 'vous avez sa seule ' : 'il vous manque sa seule ') + (essential ? 'compétence essentielle' : 'compétence');
        const what = essential ? ' compétences essentielles' : ' compétences';
        if (h === n) return 'vous avez ses ' + n + what;
        return h ? 'vous avez ' + h + ' de ses ' + n + what : 'vous n’avez aucune de ses ' + n + what;
      },
      matched: 'acquises', matchSummary: (a, b) => a + ' compétence' + (a > 1 ? 's' : '') + ' acquise' + (a > 1 ? 's' : '') + ', ' + b + ' à acquérir', missingShort: 'à acquérir', score: (p) => p + ' %',
      interestsTitle: 'Mes centres d’intérêt', riasecLabel: 'Code RIASEC', interestsRun: 'Trouver des métiers',
      interestsHint: 'Une à trois lettres, la plus forte d’abord : R réaliste, I investigateur, A artistique, S social, E entreprenant, C conventionnel.',
      interestsNone: 'Aucun métier chargé n’a de code d’intérêts proche.',
      skill: 'compétence', tool: 'outil',
      errors: {
        UNAVAILABLE: 'La base de données ne répond pas pour le moment. Réessayez dans un instant.',
        TIMEOUT: 'La demande a pris trop de temps et a été arrêtée. Réessayez, ou demandez moins.',
        OVERLOADED: 'Le service est très sollicité. Réessayez dans une seconde.',
        NOT_FOUND: 'Introuvable : ',
        BAD_USER_INPUT: 'Demande refusée : ',
        NETWORK: 'Le service ne répond pas. Vérifiez votre connexion, puis réessayez.',
        OTHER: 'Erreur inattendue : ',
      },
    },
    en: {
      skip: 'Skip to content', title: 'Career explorer', langToggle: 'Français',
      langToggleLabel: 'Afficher la page en français',
      searchLabel: 'Search a profession', datasetLabel: 'Dataset', allDatasets: 'All datasets',
      searchHint: 'Type a profession: “développeuse”, “directrice technique”…',
      searching: 'Searching…', noHit: 'No profession found.', hits: (n) => n + ' result' + (n > 1 ? 's' : ''),
      retry: 'Retry', viewsLabel: 'Views', tabCard: 'Card', tabGraph: 'Career graph',
      tabPath: 'Path to a profession', tabMatch: 'What I can do',
      pickFirst: 'First pick a profession with the search.',
      welcome: 'Search a profession on the left, or compare your skills in “What I can do”.',
      summary: 'In short', qualities: 'Qualities', skills: 'Skills', tools: 'Tools', trainings: 'Trainings',
      tasks: 'Tasks', equivalents: 'Equivalents in other datasets', attribution: 'Source',
      essential: 'essential', optional: 'optional', otherTools: 'Other', years: (n) => n + ' year' + (n > 1 ? 's' : ''),
      none: 'None.', code: 'code', confidence: 'confidence',
      match: { EXACT: 'same', CLOSE: 'close', BROAD: 'broader', NARROW: 'narrower' },
      level: { SECONDARY: 'secondary', HIGHER_SHORT: 'short higher education', HIGHER_LONG: 'long higher education',
        ADULT_EDUCATION: 'adult education', VOCATIONAL: 'vocational', OTHER: 'other' },
      openGraph: 'See the career graph', openPath: 'Find a path',
      graphHint: 'Click a profession to show where it leads; double-click to open its card.',
      graphLabel: 'Career graph', pathGraphLabel: 'Graph of the paths', legendLabel: 'Legend',
      rings: 'Progression rings (1, 2 and 3 moves)', inferredToggle: 'Include inferred moves',
      graphListTitle: 'Professions in the graph',
      legendStart: 'starting profession', legendProgression: 'progression', legendLateral: 'lateral move',
      legendInferred: 'move inferred by the service (dashed)', legendRing: (n) => 'ring ' + n + ': ' + n + ' move' + (n > 1 ? 's' : ''),
      legendPath: 'shortest path',
      kind: { PROGRESSION: 'progression', LATERAL: 'lateral move' },
      inferredMove: (kind, p) => kind + ', inferred' + (p == null ? '' : ', ' + p + ' %'), basis: 'why: ',
      distance: (n) => n + ' move' + (n > 1 ? 's' : ''), expand: 'Show where it leads', expandShort: '+ moves', openCard: 'Open the card',
      expanded: 'moves shown', noMoves: 'No known move.',
      targetLabel: 'Target profession', pathSearching: 'Looking for paths…',
      noPath: 'No path of at most 4 moves between these two professions.', samePath: 'Pick a profession other than the starting one.',
      pathTitle: (i, n) => 'Path ' + i + ': ' + n + ' move' + (n > 1 ? 's' : ''), shortest: 'shortest',
      pathsFound: (n, to) => n + ' path' + (n > 1 ? 's' : '') + ' found to “' + to + '”',
      gapTitle: (a, b) => 'From “' + a + '” to “' + b + '”', coverage: (p) => 'essential skills already held: ' + p + ' %',
      missing: 'Skills to acquire', missingTools: 'Tools to learn', gapTrainings: 'Trainings that prepare for it',
      showGaps: 'Show the skills to acquire', loading: 'Loading…',
      matchSkillsTitle: 'My skills and tools', skillLabel: 'Add a skill or a tool',
      mySkillsLabel: 'Chosen skills and tools', remove: (n) => 'Remove ' + n,
      useCardSkills: 'Take the skills of the card', matchRun: 'Find professions', matchClear: 'Remove all',
      needSkill: 'Add at least one skill.', matchNone: 'No profession requires these skills.',
      used: (u, g, tools) => g === 1 ? 'uses your one ' + (tools ? 'skill or tool' : 'skill') :
        'uses ' + (u === g ? 'all ' : u + ' of your ') + g + (u === g ? ' of your' : '') + (tools ? ' skills and tools' : ' skills'),
      covered: (h, n, essential) => {
        const what = essential ? ' essential skill' : ' skill';
        if (n === 1) return (h ? 'you have its one' : 'you lack its one') + what;
        if (h === n) return 'you have all ' + n + ' of its' + what + 's';
        return (h ? 'you have ' + h + ' of its ' : 'you have none of its ') + n + what + 's';
      },
      matched: 'held', matchSummary: (a, b) => a + ' skill' + (a > 1 ? 's' : '') + ' held, ' + b + ' to acquire', missingShort: 'to acquire', score: (p) => p + ' %',
      interestsTitle: 'My interests', riasecLabel: 'RIASEC code', interestsRun: 'Find professions',
      interestsHint: 'One to three letters, strongest first: R realistic, I investigative, A artistic, S social, E enterprising, C conventional.',
      interestsNone: 'No loaded profession has a close interest code.',
      skill: 'skill', tool: 'tool',
      errors: {
        UNAVAILABLE: 'The database does not answer right now. Retry in a moment.',
        TIMEOUT: 'The request took too long and was stopped. Retry, or ask for less.',
        OVERLOADED: 'The service is very busy. Retry in a second.',
        NOT_FOUND: 'Not found: ',
        BAD_USER_INPUT: 'Request refused: ',
        NETWORK: 'The service does not answer. Check your connection, then retry.',
        OTHER: 'Unexpected error: ',
      },
    },
  };
  const t = () => TEXTS[state.lang];

  // ---------------------------------------------------------------------------------------
  // The page's state, read from and written to the URL.
  const VIEWS = ['card', 'graph', 'path', 'match'];
  const state = {
    lang: 'fr', p: '', to: '', view: 'card', ds: '', skills: [], tools: [], riasec: '',
    rings: false, inferred: true,
  };

  function readURL() {
    const q = new URLSearchParams(location.search);
    const list = (k) => (q.get(k) || '').split(',').filter(Boolean);
    state.lang = q.get('lang') === 'en' ? 'en' : 'fr';
    state.p = q.get('p') || '';
    state.to = q.get('to') || '';
    state.view = VIEWS.includes(q.get('view')) ? q.get('view') : 'card';
    state.ds = q.get('dataset') || '';
    state.skills = list('skills');
    state.tools = list('tools');
    state.riasec = q.get('riasec') || '';
    state.rings = q.get('rings') === '1';
    state.inferred = q.get('inferred') !== '0';
  }

  function writeURL(push) {
    const q = new URLSearchParams();
    if (state.lang !== 'fr') q.set('lang', state.lang);
    if (state.p) q.set('p', state.p);
    if (state.to) q.set('to', state.to);
    q.set('view', state.view);
    if (state.ds) q.set('dataset', state.ds);
    if (state.skills.length) q.set('skills', state.skills.join(','));
    if (state.tools.length) q.set('tools', state.tools.join(','));
    if (state.riasec) q.set('riasec', state.riasec);
    if (state.rings) q.set('rings', '1');
    if (!state.inferred) q.set('inferred', '0');
    const url = location.pathname + '?' + q.toString();
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // ---------------------------------------------------------------------------------------
  // GraphQL over HTTP with automatic persisted queries.

  // ApiError is an error the page shows in words: code is the server's extensions.code, or
  // NETWORK when no GraphQL answer came back.
  class ApiError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }

  const hashes = new Map();
  async function sha256Hex(text) {
    if (!hashes.has(text)) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      hashes.set(text, Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
    }
    return hashes.get(text);
  }

  async function send(url, init) {
    let res;
    try {
      res = await fetch(url, init);
    } catch (e) {
      throw new ApiError('NETWORK', String(e));
    }
    try {
      return await res.json();
    } catch (e) {
      throw new ApiError(res.status === 503 ? 'UNAVAILABLE' : 'NETWORK', 'HTTP ' + res.status);
    }
  }

  const codeOf = (body) => body && body.errors && body.errors.length ?
    ((body.errors[0].extensions || {}).code || 'OTHER') : '';

  // gql runs the named operation of query with variables: GET with the query's hash first (the
  // server and any cache between can answer it), POST with the query and its hash when the
  // server does not know the hash. Without Web Crypto (a page not served from a secure origin),
  // it POSTs the query.
  async function gql(operationName, query, variables) {
    const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
    let body;
    if (window.crypto && crypto.subtle) {
      const extensions = { persistedQuery: { version: 1, sha256Hash: await sha256Hex(query) } };
      const params = new URLSearchParams({
        operationName, variables: JSON.stringify(variables), extensions: JSON.stringify(extensions),
      });
      body = await send(config.endpoint + '?' + params.toString(), { headers: { Accept: 'application/json' } });
      if (codeOf(body) === 'PERSISTED_QUERY_NOT_FOUND') {
        body = await send(config.endpoint, {
          method: 'POST', headers: json, body: JSON.stringify({ operationName, query, variables, extensions }),
        });
      }
    } else {
      body = await send(config.endpoint, { method: 'POST', headers: json, body: JSON.stringify({ operationName, query, variables }) });
    }
    const code = codeOf(body);
    if (code) throw new ApiError(code, body.errors[0].message);
    if (!body || !body.data) throw new ApiError('NETWORK', 'no data');
    return body.data;
  }

  // ---------------------------------------------------------------------------------------
  // What the server supports. Fields of later versions of the API are asked for only when the
  // schema has them (read once at load, by introspection); the page works without them.
  const features = { inferredMoves: false, inferredPaths: false, inferredProgression: false, equivalents: false, matchInterests: false, matchScores: false };

  const FEATURES_QUERY = `query ExplorerFeatures {
  move: __type(name: "CareerMove") { fields { name } }
  query: __type(name: "Query") { fields { name args { name } } }
  profession: __type(name: "Profession") { fields { name args { name } } }
  match: __type(name: "ProfessionMatch") { fields { name } }
}`;

  async function detectFeatures() {
    let d;
    try {
      d = await gql('ExplorerFeatures', FEATURES_QUERY, {});
    } catch (e) {
      return; // introspection disabled: only what every version has
    }
    const fields = (type) => new Map(((type && type.fields) || []).map((f) => [f.name, (f.args || []).map((a) => a.name)]));
    const move = fields(d.move), query = fields(d.query), prof = fields(d.profession), match = fields(d.match);
    const hasArg = (m, field, arg) => (m.get(field) || []).includes(arg);
    features.inferredMoves = move.has('inferred') && move.has('basis') && hasArg(prof, 'nextCareers', 'inferred');
    features.inferredPaths = hasArg(query, 'careerPaths', 'inferred');
    features.inferredProgression = hasArg(query, 'careerProgression', 'inferred');
    features.equivalents = prof.has('equivalents');
    features.matchInterests = query.has('matchInterests');
    features.matchScores = match.has('skillsUsed') && match.has('essentialCoverage');
  }

  // The page's queries, all in one place. The ones built by a function add the fields of later
  // versions of the API when features says the server has them.
  const Q = {
    datasets: `query ExplorerDatasets { datasets { name title attribution professions } }`,
    search: `query ExplorerSearch($text: String!, $kinds: [NodeKind!], $dataset: String, $lang: String) {
  search(text: $text, kinds: $kinds, dataset: $dataset, first: 10) {
    kind score
    node { id ... on Profession { name(lang: $lang) dataset sector } ... on Skill { name(lang: $lang) dataset kind } ... on Tool { name dataset category } }
  }
}`,
    card: () => `query ExplorerCard($id: ID!, $lang: String) {
  profession(id: $id) {
    id dataset code name(lang: $lang) summary(lang: $lang) sector
    qualities { id name(lang: $lang) }
    skills { importance skill { id name(lang: $lang) kind } }
    tools { id name category }
    trainings { id name level durationYears }
    tasks${features.equivalents ? `
    equivalents { profession { id dataset name(lang: $lang) } match source confidence }` : ''}
  }
}`,
    moves: () => features.inferredMoves ?
      `query ExplorerMoves($id: ID!, $lang: String, $inferred: Boolean) {
  profession(id: $id) { id name(lang: $lang) dataset nextCareers(inferred: $inferred) { kind inferred basis score profession { id name(lang: $lang) dataset } } }
}` :
      `query ExplorerMoves($id: ID!, $lang: String) {
  profession(id: $id) { id name(lang: $lang) dataset nextCareers { kind profession { id name(lang: $lang) dataset } } }
}`,
    progression: () => features.inferredProgression ?
      `query ExplorerProgression($id: ID!, $lang: String, $inferred: Boolean) {
  careerProgression(from: $id, maxSteps: 3, first: 60, inferred: $inferred) { distance profession { id name(lang: $lang) dataset } path { id } }
}` :
      `query ExplorerProgression($id: ID!, $lang: String) {
  careerProgression(from: $id, maxSteps: 3, first: 60) { distance profession { id name(lang: $lang) dataset } path { id } }
}`,
    paths: () => features.inferredPaths ?
      `query ExplorerPaths($from: ID!, $to: ID!, $lang: String, $inferred: Boolean) {
  careerPaths(from: $from, to: $to, maxSteps: 4, first: 5, inferred: $inferred) { length steps { id name(lang: $lang) dataset } }
}` :
      `query ExplorerPaths($from: ID!, $to: ID!, $lang: String) {
  careerPaths(from: $from, to: $to, maxSteps: 4, first: 5) { length steps { id name(lang: $lang) dataset } }
}`,
    gap: `query ExplorerSkillGap($from: ID!, $to: ID!, $lang: String) {
  skillGap(from: $from, to: $to) {
    coverage
    missing { importance skill { id name(lang: $lang) } }
    missingTools { id name }
    trainings { id name level }
  }
}`,
    match: () => `query ExplorerMatch($skills: [ID!]!, $tools: [ID!], $dataset: String, $lang: String) {
  matchProfessions(skills: $skills, tools: $tools, dataset: $dataset, first: 10) {
    score profession { id name(lang: $lang) dataset${features.matchScores ? ' essential: skills(importance: ESSENTIAL) { skill { id } }' : ''} }
    matchedSkills { id name(lang: $lang) } missingSkills { id name(lang: $lang) }${features.matchScores ? `
    skillsUsed essentialCoverage` : ''}
  }
}`,
    interests: `query ExplorerInterests($riasec: String!, $dataset: String, $lang: String) {
  matchInterests(riasec: $riasec, dataset: $dataset, first: 10) { score profession { id name(lang: $lang) dataset riasec } }
}`,
    labels: `query ExplorerLabels($ids: [ID!]!, $lang: String) {
  nodes(ids: $ids) { id ... on Profession { name(lang: $lang) } ... on Skill { name(lang: $lang) } ... on Tool { name } }
}`,
  };

  // ---------------------------------------------------------------------------------------
  // DOM helpers. Text always goes in as text, never as markup.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const badge = (text, cls) => el('span', { class: 'badge' + (cls ? ' ' + cls : '') }, text);
  const pct = (x) => Math.round(x * 100);

  // ---------------------------------------------------------------------------------------
  // Errors, in words, with a retry button that repeats what failed.
  let retryAction = null;
  function showError(e, retry) {
    const msgs = t().errors;
    let text;
    if (e instanceof ApiError) {
      if (e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT') text = msgs[e.code] + e.message;
      else if (msgs[e.code]) text = msgs[e.code];
      else text = msgs.OTHER + e.code + ' — ' + e.message;
    } else {
      text = msgs.OTHER + String(e);
    }
    $('error-text').textContent = text;
    retryAction = retry;
    $('error-retry').hidden = !retry;
    $('error').hidden = false;
  }
  function clearError() { $('error').hidden = true; retryAction = null; }

  // guarded runs an async step of the page and shows its error; retry repeats it.
  async function guarded(step) {
    try {
      await step();
      return true;
    } catch (e) {
      showError(e, () => { clearError(); guarded(step); });
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Comboboxes: search as you type, arrow keys, Enter to pick, Escape to close.
  const WORD = /[\p{L}\p{N}]/u;
  function combobox(input, list, opts) {
    let seq = 0, timer = 0, items = [], active = -1;
    const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
    const setActive = (i) => {
      active = i;
      Array.from(list.children).forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
      if (i >= 0) { input.setAttribute('aria-activedescendant', list.children[i].id); list.children[i].scrollIntoView({ block: 'nearest' }); }
    };
    const pick = (i) => { const item = items[i]; close(); input.value = ''; opts.onPick(item); };
    async function run() {
      const text = input.value.trim();
      const mine = ++seq;
      if (!WORD.test(text)) { items = []; list.replaceChildren(); close(); if (opts.status) opts.status(''); return; }
      if (opts.status) opts.status(t().searching);
      let d;
      try {
        d = await gql('ExplorerSearch', Q.search, { text: text.slice(0, 200), kinds: opts.kinds, dataset: state.ds || null, lang: state.lang });
      } catch (e) {
        if (mine === seq) { if (opts.status) opts.status(''); showError(e, run); }
        return;
      }
      if (mine !== seq) return; // a later keystroke answered first
      clearError();
      items = d.search;
      list.replaceChildren(...items.map((h, i) => el('li', {
        id: list.id + '-' + i, role: 'option', 'aria-selected': 'false',
        onmousedown: (ev) => { ev.preventDefault(); pick(i); },
      }, el('span', {}, h.node.name), el('span', { class: 'hit-meta' },
        h.kind === 'TOOL' ? badge(t().tool) : h.kind === 'SKILL' ? badge(t().skill) : null, ' ', badge(h.node.dataset)))));
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(items.length > 0));
      setActive(-1);
      if (opts.status) opts.status(items.length ? t().hits(items.length) : t().noHit);
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' && items.length) { ev.preventDefault(); list.hidden = false; input.setAttribute('aria-expanded', 'true'); setActive((active + 1) % items.length); }
      else if (ev.key === 'ArrowUp' && items.length) { ev.preventDefault(); setActive(active <= 0 ? items.length - 1 : active - 1); }
      else if (ev.key === 'Enter' && !list.hidden && items.length) { ev.preventDefault(); pick(active < 0 ? 0 : active); }
      else if (ev.key === 'Escape') close();
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
    return { rerun: run };
  }

  // ---------------------------------------------------------------------------------------
  // Static texts and the language toggle.
  function applyTexts() {
    document.documentElement.lang = state.lang;
    document.title = 'careergraph — ' + t().title;
    document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t()[e.dataset.t]; });
    document.querySelectorAll('[data-t-label]').forEach((e) => e.setAttribute('aria-label', t()[e.dataset.tLabel]));
    const toggle = $('lang-toggle');
    toggle.textContent = t().langToggle;
    toggle.setAttribute('lang', state.lang === 'fr' ? 'en' : 'fr');
    toggle.setAttribute('aria-label', t().langToggleLabel);
    $('search-input').placeholder = t().searchHint;
    const sel = $('dataset-filter');
    if (sel.options.length) sel.options[0].textContent = t().allDatasets;
  }

  // ---------------------------------------------------------------------------------------
  // Datasets: the filter and the attributions.
  let datasets = [];
  async function loadDatasets() {
    datasets = (await gql('ExplorerDatasets', Q.datasets, {})).datasets;
    const sel = $('dataset-filter');
    sel.replaceChildren(el('option', { value: '' }, t().allDatasets),
      ...datasets.map((d) => el('option', { value: d.name }, d.name + ' — ' + d.title)));
    sel.value = datasets.some((d) => d.name === state.ds) ? state.ds : '';
  }

  // ---------------------------------------------------------------------------------------
  // Views and tabs.
  const loaded = {}; // view -> the key of the state it shows
  let current = null; // the card of state.p

  function showView(view, focus) {
    state.view = view;
    for (const v of VIEWS) {
      const tab = $('tab-' + v);
      const on = v === view;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $('view-' + v).hidden = !on;
    }
    if (focus) $('tab-' + view).focus();
    if (view === 'match') renderChips(); // the card's skills button follows the current profession
    refresh();
  }

  function keyOf(view) {
    switch (view) {
      case 'card': return [state.lang, state.p].join('|');
      case 'graph': return [state.lang, state.p, state.rings, state.inferred].join('|');
      case 'path': return [state.lang, state.p, state.to, state.inferred].join('|');
      default: return [state.lang, state.ds, state.skills, state.tools, state.riasec].join('|');
    }
  }

  // refresh loads what the visible view shows when the state it shows has changed.
  function refresh() {
    writeURL(false);
    const view = state.view;
    const key = keyOf(view);
    if (loaded[view] === key) { if (view === 'graph' && cy) cy.resize(); return; }
    loaded[view] = key;
    const loaders = { card: renderCard, graph: renderGraph, path: renderPaths, match: renderMatch };
    guarded(loaders[view]).then((ok) => { if (!ok) loaded[view] = null; });
  }

  function needProfession(panel) {
    if (state.p) return false;
    panel.replaceChildren(el('p', { class: 'hint' }, t().pickFirst));
    return true;
  }

  // openProfession makes id the current profession and shows view.
  function openProfession(id, view) {
    if (id !== state.p) { state.p = id; current = null; if (state.to === id) state.to = ''; }
    writeURL(true);
    showView(view || 'card');
    $('profession-title').focus();
  }

  // ---------------------------------------------------------------------------------------
  // The card.
  async function loadCurrent() {
    if (current && current.id === state.p && current.lang === state.lang) return current;
    const d = await gql('ExplorerCard', Q.card(), { id: state.p, lang: state.lang });
    if (!d.profession) throw new ApiError('NOT_FOUND', state.p);
    current = Object.assign(d.profession, { lang: state.lang });
    $('profession-title').textContent = current.name;
    $('profession-meta').replaceChildren(badge(current.dataset), ' ', t().code + ' ' + current.code, current.sector ? ' · ' + current.sector : '');
    const ds = datasets.find((x) => x.name === current.dataset);
    $('attribution').textContent = ds && ds.attribution ? t().attribution + ' (' + ds.title + ') : ' + ds.attribution : '';
    return current;
  }

  function section(title, ...content) { return el('section', {}, el('h3', {}, title), ...content); }
  const listOrNone = (items, render, cls) => items.length ? el('ul', { class: cls || 'plain' }, items.map((x) => el('li', {}, render(x)))) : el('p', { class: 'hint' }, t().none);

  async function renderCard() {
    const panel = $('view-card');
    if (!state.p) { $('profession-title').textContent = ''; $('profession-meta').replaceChildren(); panel.replaceChildren(el('p', {}, t().welcome)); return; }
    const p = await loadCurrent();
    const skills = [...p.skills].sort((a, b) => (a.importance === 'ESSENTIAL' ? 0 : 1) - (b.importance === 'ESSENTIAL' ? 0 : 1));
    const byCategory = new Map();
    for (const tool of p.tools) {
      const c = tool.category || t().otherTools;
      if (!byCategory.has(c)) byCategory.set(c, []);
      byCategory.get(c).push(tool.name);
    }
    const parts = [
      el('div', { class: 'controls' },
        el('button', { type: 'button', onclick: () => showView('graph') }, t().openGraph),
        el('button', { type: 'button', onclick: () => { showView('path'); $('target-input').focus(); } }, t().openPath)),
      p.summary ? section(t().summary, el('p', {}, p.summary)) : null,
      section(t().qualities, listOrNone(p.qualities, (q) => q.name, 'chips')),
      el('div', { class: 'cols' },
        section(t().skills, listOrNone(skills, (s) => [s.skill.name, ' ', badge(s.importance === 'ESSENTIAL' ? t().essential : t().optional, s.importance === 'ESSENTIAL' ? 'essential' : '')])),
        el('div', {},
          section(t().tools, byCategory.size ? el('ul', { class: 'plain' }, [...byCategory].map(([c, names]) => el('li', {}, el('strong', {}, c), ' : ', names.join(', ')))) : el('p', { class: 'hint' }, t().none)),
          section(t().trainings, listOrNone(p.trainings, (tr) => [tr.name, (t().level[tr.level] || '').toLowerCase() === tr.name.toLowerCase() ? '' : ' — ' + (t().level[tr.level] || tr.level), tr.durationYears ? ', ' + t().years(tr.durationYears) : ''])))),
      section(t().tasks, listOrNone(p.tasks, (x) => x)),
      p.equivalents && p.equivalents.length ? section(t().equivalents, listOrNone(p.equivalents, (e) => [
        el('button', { type: 'button', class: 'link', onclick: () => openProfession(e.profession.id) }, e.profession.name), ' ',
        badge(e.profession.dataset), ' ', e.match ? t().match[e.match] + ' · ' : '', e.source,
        e.confidence < 1 ? ' · ' + t().confidence + ' ' + pct(e.confidence) + ' %' : ''])) : null,
    ];
    panel.replaceChildren(...parts.filter(Boolean));
  }

  // ---------------------------------------------------------------------------------------
  // Graphs (cytoscape.js). The colours match explorer.css.
  const COLOURS = { ink: '#1d2433', node: '#dfe7f5', PROGRESSION: '#1f5fbf', LATERAL: '#1b8a5a', inferred: '#c2570c', plain: '#8a93a6' };
  const GRAPH_STYLE = [
    { selector: 'node', style: {
      label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 110, 'font-size': 11, 'text-valign': 'bottom',
      'text-margin-y': 4, 'background-color': COLOURS.node, 'border-width': 2, 'border-color': COLOURS.PROGRESSION,
      width: 26, height: 26, color: COLOURS.ink,
      'text-background-color': '#fbfcfe', 'text-background-opacity': 0.85, 'text-background-padding': 2 } },
    { selector: 'node.start', style: { 'background-color': COLOURS.ink, 'border-color': COLOURS.ink, width: 38, height: 38, 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 5 } },
    { selector: 'edge', style: {
      width: 2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': COLOURS.PROGRESSION,
      'target-arrow-color': COLOURS.PROGRESSION, 'arrow-scale': 1.1 } },
    { selector: 'edge.LATERAL', style: { 'line-color': COLOURS.LATERAL, 'target-arrow-color': COLOURS.LATERAL } },
    { selector: 'edge.plain', style: { 'line-color': COLOURS.plain, 'target-arrow-color': COLOURS.plain } },
    { selector: 'edge.inferred', style: { 'line-style': 'dashed', 'line-color': COLOURS.inferred, 'target-arrow-color': COLOURS.inferred } },
    { selector: 'edge.shortest', style: { width: 5, 'line-color': COLOURS.inferred, 'target-arrow-color': COLOURS.inferred } },
    { selector: 'node.onpath', style: { 'border-color': COLOURS.inferred, 'border-width': 4 } },
    // The path graph's moves over layers arc round the professions between (see layoutPaths).
    { selector: 'edge.skip', style: { 'curve-style': 'unbundled-bezier', 'control-point-weights': 0.5 } },
  ];

  let cy = null;
  function graph() {
    if (!cy) {
      cy = cytoscape({ container: $('graph'), style: GRAPH_STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
      cy.on('tap', 'node', (ev) => guarded(() => expand(ev.target.id())));
      cy.on('dbltap', 'node', (ev) => openProfession(ev.target.id()));
    }
    return cy;
  }

  function layoutGraph() {
    const maxDepth = Math.max(0, ...cy.nodes().map((n) => n.data('depth')));
    cy.layout({
      name: 'concentric', concentric: (n) => maxDepth - n.data('depth') + 1, levelWidth: () => 1,
      minNodeSpacing: 45, animate: false, padding: 30,
    }).run();
  }

  function addNode(id, label, depth, cls) {
    const existing = cy.getElementById(id);
    if (existing.nonempty()) return existing;
    return cy.add({ group: 'nodes', data: { id, label, depth }, classes: cls || '' });
  }

  // addEdge draws the move from → to; move is the CareerMove it stands for (null in the rings).
  function addEdge(from, to, cls, move) {
    const id = from + '→' + to;
    if (cy.getElementById(id).empty()) cy.add({ group: 'edges', data: { id, source: from, target: to, move }, classes: cls });
  }

  const moveClass = (m) => (m.inferred ? 'inferred ' : '') + m.kind;

  // moveBadges says what a move is: its kind and, for an inferred move, its score and basis.
  const moveBadges = (m) => {
    const kind = t().kind[m.kind] || m.kind;
    if (!m.inferred) return badge(kind);
    return [badge(t().inferredMove(kind, m.score == null ? null : pct(m.score)), 'inferred'),
      m.basis ? [' ', el('span', { class: 'basis' }, t().basis + m.basis)] : null];
  };

  // expand adds the moves out of a profession of the graph.
  async function expand(id) {
    if (state.rings) return;
    const node = cy.getElementById(id);
    if (node.hasClass('expanded')) return;
    const vars = { id, lang: state.lang };
    if (features.inferredMoves) vars.inferred = state.inferred;
    const d = await gql('ExplorerMoves', Q.moves(), vars);
    if (!d.profession) throw new ApiError('NOT_FOUND', id);
    const depth = node.data('depth');
    cy.batch(() => {
      node.addClass('expanded');
      for (const m of d.profession.nextCareers) {
        addNode(m.profession.id, m.profession.name, depth + 1);
        addEdge(id, m.profession.id, moveClass(m), m);
      }
    });
    layoutGraph();
    renderGraphList();
    renderLegend();
  }

  // renderLegend explains what the graph shows: the start, and the rings or the kinds of move present.
  function renderLegend() {
    const item = (cls, text) => el('li', { class: 'legend-' + cls }, el('span', { class: 'swatch ' + cls }), text);
    const items = [item('start', t().legendStart)];
    if (state.rings) {
      const rings = [...new Set(cy.nodes().map((n) => n.data('depth')))].filter((d) => d > 0).sort();
      for (const n of rings) items.push(item('ring', t().legendRing(n)));
    } else {
      if (cy.edges('.PROGRESSION').not('.inferred').nonempty()) items.push(item('progression', t().legendProgression));
      if (cy.edges('.LATERAL').not('.inferred').nonempty()) items.push(item('lateral', t().legendLateral));
      if (cy.edges('.inferred').nonempty()) items.push(item('inferred', t().legendInferred));
    }
    $('legend').replaceChildren(...items);
  }

  // renderGraphList lists the graph's professions, with the keyboard's way to expand and open them.
  function renderGraphList() {
    const nodes = cy.nodes().sort((a, b) => a.data('depth') - b.data('depth') || a.data('label').localeCompare(b.data('label')));
    $('graph-list').replaceChildren(...nodes.map((n) => {
      // What the moves into it are, each kind, score and basis once.
      const into = new Map();
      for (const e of n.incomers('edge')) {
        const m = e.data('move');
        if (m) into.set([m.kind, m.inferred, m.score, m.basis].join('|'), m);
      }
      return el('li', { 'data-id': n.id() },
        el('button', { type: 'button', class: 'link', onclick: () => openProfession(n.id()), title: t().openCard }, n.data('label')),
        n.hasClass('start') ? null : state.rings ? badge(t().distance(n.data('depth'))) : [...into.values()].map((m) => [' ', moveBadges(m)]),
        state.rings || n.hasClass('expanded') ? null :
          el('button', { type: 'button', onclick: () => guarded(() => expand(n.id())), 'aria-label': t().expand + ' : ' + n.data('label') }, t().expandShort));
    }));
  }

  async function renderGraph() {
    const panel = $('view-graph');
    $('rings').checked = state.rings;
    $('inferred').checked = state.inferred;
    $('inferred-control').hidden = !features.inferredMoves;
    if (!state.p) { $('graph-list').replaceChildren(el('li', { class: 'hint' }, t().pickFirst)); $('graph').hidden = true; return; }
    $('graph').hidden = false;
    const p = await loadCurrent();
    const g = graph();
    g.elements().remove();
    g.resize();
    addNode(p.id, p.name, 0, 'start');
    if (state.rings) {
      const vars = { id: p.id, lang: state.lang };
      if (features.inferredProgression) vars.inferred = state.inferred;
      const d = await gql('ExplorerProgression', Q.progression(), vars);
      cy.batch(() => {
        for (const s of d.careerProgression) addNode(s.profession.id, s.profession.name, s.distance);
        for (const s of d.careerProgression) addEdge(s.path[s.path.length - 2].id, s.profession.id, 'plain', '');
      });
      layoutGraph();
      renderGraphList();
    } else {
      await expand(p.id);
    }
    renderLegend();
    panel.dataset.shown = keyOf('graph');
  }

  // ---------------------------------------------------------------------------------------
  // The path finder.
  let pathCy = null;

  async function renderPaths() {
    const out = $('paths');
    $('path-status').textContent = '';
    if (needProfession(out)) { $('path-graph').hidden = true; return; }
    const p = await loadCurrent();
    if (!state.to) { out.replaceChildren(); $('path-graph').hidden = true; return; }
    if (state.to === state.p) { $('path-status').textContent = t().samePath; out.replaceChildren(); return; }
    $('path-status').textContent = t().pathSearching;
    const vars = { from: p.id, to: state.to, lang: state.lang };
    if (features.inferredPaths) vars.inferred = state.inferred;
    const paths = (await gql('ExplorerPaths', Q.paths(), vars)).careerPaths;
    $('path-status').textContent = paths.length ? t().pathsFound(paths.length, paths[0].steps[paths[0].steps.length - 1].name) : t().noPath;
    $('path-graph').hidden = paths.length === 0;
    drawPaths(paths);
    out.replaceChildren(...paths.map((path, i) => pathBlock(path, i)));
    // The shortest path's skill gaps are shown at once, the others' on demand.
    if (paths.length) await loadGaps(paths[0], out.querySelector('.path'));
  }

  // The path graph's geometry, in pixels: the distance between layers (the moves of a path) and
  // between the professions of a layer, the narrowest a graph drawn left to right may be (a
  // narrower one, a phone's, is drawn top to bottom and grows with its layers), and the zoom a
  // small graph is fitted to at most (labels keep the size of the page's text).
  // An arc clears the professions it passes by clearance beyond the widest layer between (top
  // to bottom, by half a label's width too).
  const PATH_LAYOUT = { layer: 150, across: 80, acrossVertical: 140, minWide: 480, maxZoom: 1.2, padding: 24, clearance: 40, clearanceVertical: 75 };

  function drawPaths(paths) {
    if (!paths.length) return;
    if (!pathCy) {
      pathCy = cytoscape({ container: $('path-graph'), style: GRAPH_STYLE, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
      pathCy.on('dbltap', 'node', (ev) => openProfession(ev.target.id()));
    }
    pathCy.elements().remove();
    // A profession's layer is the furthest step it is on in any path: every move then goes
    // forward, and the target is alone in the last layer.
    const layer = new Map();
    for (const path of paths) path.steps.forEach((s, i) => layer.set(s.id, Math.max(layer.get(s.id) || 0, i)));
    const shortest = new Set(paths[0].steps.slice(1).map((s, i) => paths[0].steps[i].id + '→' + s.id));
    pathCy.batch(() => {
      for (const path of paths) {
        path.steps.forEach((s, i) => {
          if (pathCy.getElementById(s.id).empty()) pathCy.add({ group: 'nodes', data: { id: s.id, label: s.name, depth: layer.get(s.id) }, classes: i === 0 ? 'start' : '' });
          if (i > 0) {
            const from = path.steps[i - 1].id, id = from + '→' + s.id;
            const skip = layer.get(s.id) - layer.get(from) > 1; // over layers: an arc
            const classes = [shortest.has(id) ? 'shortest' : '', skip ? 'skip' : ''].join(' ');
            if (pathCy.getElementById(id).empty()) pathCy.add({ group: 'edges', data: { id, source: from, target: s.id }, classes });
          }
        });
      }
      for (const s of paths[0].steps.slice(1)) pathCy.getElementById(s.id).addClass('onpath');
    });
    layoutPaths();
  }

  // layoutPaths places the path graph's layers left to right, or top to bottom in a narrow
  // container (then as tall as its layers need), and fits it.
  function layoutPaths() {
    const box = $('path-graph');
    const vertical = box.clientWidth < PATH_LAYOUT.minWide;
    const layers = [];
    pathCy.nodes().forEach((n) => { (layers[n.data('depth')] ||= []).push(n); });
    box.style.height = vertical ? (layers.length * PATH_LAYOUT.across * 1.4 + 2 * PATH_LAYOUT.padding) + 'px' : '';
    pathCy.resize();
    const across = vertical ? PATH_LAYOUT.acrossVertical : PATH_LAYOUT.across;
    layers.forEach((nodes, l) => nodes.forEach((n, i) => {
      const a = l * (vertical ? PATH_LAYOUT.across * 1.4 : PATH_LAYOUT.layer), b = (i - (nodes.length - 1) / 2) * across;
      n.position(vertical ? { x: b, y: a } : { x: a, y: b });
    }));
    // A move over layers arcs, on the side away from the labels, beyond the widest layer between;
    // a Bézier curve passes at half its control point's distance.
    pathCy.edges('.skip').forEach((e) => {
      const from = e.source().data('depth'), to = e.target().data('depth');
      const widest = Math.max(...layers.slice(from + 1, to).map((nodes) => (nodes.length - 1) / 2 * across));
      e.style('control-point-distances', -2 * (widest + (vertical ? PATH_LAYOUT.clearanceVertical : PATH_LAYOUT.clearance)));
    });
    pathCy.fit(undefined, PATH_LAYOUT.padding);
    if (pathCy.zoom() > PATH_LAYOUT.maxZoom) { pathCy.zoom(PATH_LAYOUT.maxZoom); pathCy.center(); }
  }

  function pathBlock(path, i) {
    const block = el('section', { class: 'path' + (i === 0 ? ' shortest' : ''), 'data-length': String(path.length) },
      el('h3', {}, t().pathTitle(i + 1, path.length), i === 0 ? [' ', badge(t().shortest)] : null),
      el('ol', { class: 'steps' }, path.steps.map((s, j) => el('li', { 'data-id': s.id },
        el('button', { type: 'button', class: 'link', onclick: () => openProfession(s.id) }, s.name), ' ', badge(s.dataset),
        j > 0 ? el('div', { class: 'gap', 'data-from': path.steps[j - 1].id, 'data-to': s.id }) : null))));
    if (i > 0) {
      block.append(el('button', { type: 'button', onclick: (ev) => { ev.target.remove(); guarded(() => loadGaps(path, block)); } }, t().showGaps));
    }
    return block;
  }

  // loadGaps fills in the skill gap of each move of path, one query per move (cacheable).
  async function loadGaps(path, block) {
    for (let j = 1; j < path.steps.length; j++) {
      const from = path.steps[j - 1], to = path.steps[j];
      const box = block.querySelector(`.gap[data-to="${CSS.escape(to.id)}"][data-from="${CSS.escape(from.id)}"]`);
      box.replaceChildren(t().loading);
      const g = (await gql('ExplorerSkillGap', Q.gap, { from: from.id, to: to.id, lang: state.lang })).skillGap;
      box.replaceChildren(el('div', {},
        el('h4', {}, t().gapTitle(from.name, to.name)),
        el('p', { class: 'hint' }, t().coverage(pct(g.coverage))),
        el('strong', {}, t().missing), g.missing.length ? el('ul', { class: 'plain missing' }, g.missing.map((m) => el('li', {}, m.skill.name,
          m.importance === 'ESSENTIAL' ? [' ', badge(t().essential, 'essential')] : null))) : el('p', { class: 'hint' }, t().none),
        g.missingTools.length ? [el('strong', {}, t().missingTools), el('p', {}, g.missingTools.map((x) => x.name).join(', '))] : null,
        g.trainings.length ? [el('strong', {}, t().gapTrainings), el('ul', { class: 'plain' }, g.trainings.map((x) => el('li', {}, x.name, ' — ', t().level[x.level] || x.level)))] : null));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Match me.
  const labels = new Map(); // skill and tool IDs -> names, for the chips

  async function ensureLabels() {
    const ids = [...state.skills, ...state.tools].filter((id) => !labels.has(state.lang + id));
    if (!ids.length) return;
    const d = await gql('ExplorerLabels', Q.labels, { ids, lang: state.lang });
    for (const n of d.nodes) if (n) labels.set(state.lang + n.id, n.name);
  }

  function renderChips() {
    const chip = (id, list) => {
      const name = labels.get(state.lang + id) || id;
      return el('li', {}, name, el('button', { type: 'button', 'aria-label': t().remove(name), onclick: () => {
        state[list] = state[list].filter((x) => x !== id);
        renderChips(); writeURL(false);
      } }, '×'));
    };
    $('my-skills').replaceChildren(...state.skills.map((id) => chip(id, 'skills')), ...state.tools.map((id) => chip(id, 'tools')));
    $('use-card-skills').hidden = !state.p;
  }

  async function renderMatch() {
    $('interests-part').hidden = !features.matchInterests;
    $('riasec-input').value = state.riasec;
    await ensureLabels();
    renderChips();
    if (state.skills.length) await runMatch(); else { $('match-results').replaceChildren(); $('match-status').textContent = ''; }
    if (state.riasec && features.matchInterests) await runInterests();
  }

  function resultItem(m, ...extra) {
    return el('li', { 'data-id': m.profession.id },
      el('button', { type: 'button', class: 'link', onclick: () => openProfession(m.profession.id) }, m.profession.name), ' ',
      badge(m.profession.dataset), ' ', el('span', { class: 'score' }, t().score(pct(m.score))), extra);
  }

  // datasetOf is the dataset of a global ID (<kind>:<dataset>:<code>).
  const datasetOf = (id) => id.split(':')[1] || '';

  // matchWords says a match's scores in words: how many of the person's skills (and tools) of
  // the profession's dataset it uses (skillsUsed × that number, the server's rule), and how
  // many of its essential skills the person has (essentialCoverage × their number; of all its
  // skills when it marks none essential).
  function matchWords(m) {
    if (m.skillsUsed == null) return null;
    const ds = m.profession.dataset;
    const skills = new Set(state.skills.filter((id) => datasetOf(id) === ds));
    const tools = new Set(state.tools.filter((id) => datasetOf(id) === ds));
    const given = skills.size + tools.size;
    const parts = [t().used(Math.round(m.skillsUsed * given), given, tools.size > 0)];
    const essential = m.profession.essential.length;
    const of = essential || m.matchedSkills.length + m.missingSkills.length;
    if (of) parts.push(t().covered(Math.round(m.essentialCoverage * of), of, essential > 0));
    return el('p', { class: 'match-words' }, parts.join(' · '));
  }

  async function runMatch() {
    if (!state.skills.length) { $('match-status').textContent = t().needSkill; return; }
    const d = await gql('ExplorerMatch', Q.match(), { skills: state.skills, tools: state.tools.length ? state.tools : null, dataset: state.ds || null, lang: state.lang });
    const list = d.matchProfessions;
    $('match-status').textContent = list.length ? t().hits(list.length) : t().matchNone;
    $('match-results').replaceChildren(...list.map((m) => resultItem(m, matchWords(m), el('details', {},
      el('summary', {}, t().matchSummary(m.matchedSkills.length, m.missingSkills.length)),
      el('p', { class: 'hint' }, t().matched + ' : ' + (m.matchedSkills.map((s) => s.name).join(', ') || '—')),
      el('p', { class: 'hint' }, t().missingShort + ' : ' + (m.missingSkills.map((s) => s.name).join(', ') || '—'))))));
  }

  async function runInterests() {
    const d = await gql('ExplorerInterests', Q.interests, { riasec: state.riasec, dataset: state.ds || null, lang: state.lang });
    const list = d.matchInterests;
    $('interests-status').textContent = list.length ? t().hits(list.length) : t().interestsNone;
    $('interests-results').replaceChildren(...list.map((m) => resultItem(m, m.profession.riasec ? [' ', badge(m.profession.riasec)] : null)));
  }

  // ---------------------------------------------------------------------------------------
  // Wiring.
  function wire() {
    combobox($('search-input'), $('search-results'), {
      kinds: ['PROFESSION'],
      status: (s) => { $('search-status').textContent = s; },
      onPick: (hit) => { $('search-status').textContent = ''; openProfession(hit.node.id, state.view === 'match' ? 'card' : state.view); },
    });
    combobox($('target-input'), $('target-results'), {
      kinds: ['PROFESSION'],
      onPick: (hit) => { state.to = hit.node.id; writeURL(true); refresh(); },
    });
    combobox($('skill-input'), $('skill-results'), {
      kinds: ['SKILL', 'TOOL'],
      onPick: (hit) => {
        const list = hit.kind === 'TOOL' ? 'tools' : 'skills';
        labels.set(state.lang + hit.node.id, hit.node.name);
        if (!state[list].includes(hit.node.id)) state[list].push(hit.node.id);
        renderChips(); writeURL(false);
      },
    });
    $('dataset-filter').addEventListener('change', (ev) => { state.ds = ev.target.value; writeURL(false); });
    $('lang-toggle').addEventListener('click', () => {
      state.lang = state.lang === 'fr' ? 'en' : 'fr';
      current = null;
      applyTexts();
      writeURL(true);
      for (const v of VIEWS) loaded[v] = null;
      refresh();
    });
    $('error-retry').addEventListener('click', () => { if (retryAction) retryAction(); });
    // Tabs: click, or arrow keys, Home and End (the WAI-ARIA tabs pattern).
    const tabs = VIEWS.map((v) => $('tab-' + v));
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => { showView(VIEWS[i]); writeURL(true); });
      tab.addEventListener('keydown', (ev) => {
        const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
        if (to === undefined) return;
        ev.preventDefault();
        showView(VIEWS[(to + tabs.length) % tabs.length], true);
      });
    });
    $('rings').addEventListener('change', (ev) => { state.rings = ev.target.checked; refresh(); });
    $('inferred').addEventListener('change', (ev) => { state.inferred = ev.target.checked; refresh(); });
    $('use-card-skills').addEventListener('click', () => guarded(async () => {
      const p = await loadCurrent();
      state.skills = p.skills.map((s) => s.skill.id);
      state.tools = p.tools.map((x) => x.id);
      for (const s of p.skills) labels.set(state.lang + s.skill.id, s.skill.name);
      for (const x of p.tools) labels.set(state.lang + x.id, x.name);
      renderChips(); writeURL(false);
    }));
    $('match-clear').addEventListener('click', () => { state.skills = []; state.tools = []; renderChips(); $('match-results').replaceChildren(); writeURL(false); });
    $('match-run').addEventListener('click', () => { loaded.match = keyOf('match'); writeURL(true); guarded(runMatch); });
    const runRiasec = () => { state.riasec = $('riasec-input').value.trim().toUpperCase(); loaded.match = keyOf('match'); writeURL(true); guarded(runInterests); };
    $('interests-run').addEventListener('click', runRiasec);
    $('riasec-input').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') runRiasec(); });
    // The graphs follow the size of the window (a phone turned, a window resized).
    window.addEventListener('resize', () => {
      if (cy) { cy.resize(); cy.fit(undefined, 30); }
      if (pathCy && pathCy.nodes().nonempty()) layoutPaths();
    });
    window.addEventListener('popstate', () => { readURL(); current = null; applyTexts(); for (const v of VIEWS) loaded[v] = null; showView(state.view); });
  }

  // boot reads what the page needs from the server once; a failure offers to retry it.
  async function boot() {
    const ok = await guarded(async () => { await detectFeatures(); await loadDatasets(); });
    if (!ok) {
      retryAction = () => { clearError(); boot(); };
      return;
    }
    if (state.p) await guarded(loadCurrent);
    showView(state.view);
    document.body.dataset.ready = 'true';
  }

  function start() {
    readURL();
    applyTexts();
    wire();
    boot();
  }

  start();
})();
