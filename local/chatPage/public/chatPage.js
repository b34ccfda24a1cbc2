/*
 * The local chat page: stands in for the Teams client. Everything a person does here goes to the
 * local host's /chat/api, which sends it to the bot as the Teams activity (POST /api/messages);
 * what the bot sends arrives at the host's connector endpoint and is polled from here. Cards are
 * rendered with the official Adaptive Cards renderer (window.AdaptiveCards) and a Teams-like host
 * config (hostConfig.js).
 */
/* global window, document, fetch, setTimeout, CSS, URLSearchParams, AdaptiveCards */
'use strict';

(function () {
  var TEXTS = {
    nl: {
      title: 'Veilig Melden – lokale chat (geen Teams)', person: 'Ik ben', clock: 'Klok', plusHour: '+1 uur', plusDay: '+1 dag', plusWeek: '+1 week',
      chats: 'Chats', chatWithBot: 'Chat met Veilig Melden', channel: 'Kanaal', typeMessage: 'Typ een bericht', send: 'Verzenden', close: 'Sluiten',
      note: 'Lokale modus: dit scherm praat met de bot zoals Teams (activiteiten naar /api/messages). Alle personen komen uit de demo-organisatie.',
      clockNow: 'nu: ', noAnswer: 'De bot gaf geen antwoord', failed: 'Mislukt: ', you: 'jij', bot: 'Veilig Melden', dialog: 'Dialoog',
      roles: { meldpunt: 'Meldpunt', vertrouwenspersoon: 'vertrouwenspersoon', coordinator: 'coördinator', klachtencoordinator: 'klachtencoördinator', ago: 'AGO', veiligheidsfunctionaris: 'veiligheidsfunctionaris', manager: 'leidinggevende', teamOwner: 'teameigenaar' },
      noRoles: 'medewerker',
    },
    en: {
      title: 'Veilig Melden – local chat (not Teams)', person: 'I am', clock: 'Clock', plusHour: '+1 hour', plusDay: '+1 day', plusWeek: '+1 week',
      chats: 'Chats', chatWithBot: 'Chat with Veilig Melden', channel: 'Channel', typeMessage: 'Type a message', send: 'Send', close: 'Close',
      note: 'Local mode: this page talks to the bot as Teams does (activities to /api/messages). Everyone here is from the demo organisation.',
      clockNow: 'now: ', noAnswer: 'The bot did not answer', failed: 'Failed: ', you: 'you', bot: 'Veilig Melden', dialog: 'Dialog',
      roles: { meldpunt: 'Meldpunt', vertrouwenspersoon: 'counsellor', coordinator: 'coordinator', klachtencoordinator: 'complaints coordinator', ago: 'AGO', veiligheidsfunctionaris: 'safety officer', manager: 'line manager', teamOwner: 'team owner' },
      noRoles: 'staff member',
    },
  };
  var PEOPLE_PICKER = 'graph.microsoft.com/users';

  var state = { org: null, person: null, place: 'personal', lang: 'nl', rendered: {}, overrides: {}, refreshed: {}, polling: false, dialogOpen: false };

  function t(key) { return TEXTS[state.lang][key]; }
  function $(id) { return document.getElementById(id); }

  function api(method, path, body) {
    return fetch(path, { method: method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) { return response.json().then(function (json) { return { status: response.status, body: json }; }, function () { return { status: response.status, body: undefined }; }); });
  }

  function toast(text) {
    var element = $('toast');
    element.textContent = text;
    element.classList.add('shown');
    setTimeout(function () { element.classList.remove('shown'); }, 4000);
  }

  /** Teams' markdown subset in TextBlocks: bold, italic, links, lists, line breaks. */
  function markdown(text) {
    var escaped = String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return escaped
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_(.+?)_(?=[\s).,!?]|$)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/^- (.*)$/gm, '• $1')
      .replace(/\r?\n/g, '<br>');
  }
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  /** Teams answers a people picker (`choices.data` on graph users) from Entra; here the demo directory answers. */
  function withPeoplePicker(node) {
    if (Array.isArray(node)) return node.map(withPeoplePicker);
    if (!node || typeof node !== 'object') return node;
    var copy = {};
    Object.keys(node).forEach(function (key) { copy[key] = withPeoplePicker(node[key]); });
    var query = node['choices.data'];
    if (node.type === 'Input.ChoiceSet' && query && query.dataset === PEOPLE_PICKER) {
      delete copy['choices.data'];
      var choices = (copy.choices || []).slice();
      state.org.people.forEach(function (person) {
        if (!choices.some(function (choice) { return choice.value === person.aadObjectId; })) choices.push({ title: person.name, value: person.aadObjectId });
      });
      copy.choices = choices;
      if (!copy.style || copy.style === 'filtered') copy.style = 'compact';
    }
    return copy;
  }

  function renderCard(content, onAction) {
    var card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(window.TEAMS_HOST_CONFIG);
    card.parse(withPeoplePicker(content));
    card.onExecuteAction = onAction;
    // Each rendered input carries its card id, also those of a ShowCard rendered when it is opened.
    var markInputs = function () {
      card.getAllInputs().forEach(function (input) {
        if (input.renderedElement) input.renderedElement.setAttribute('data-input-id', input.id);
      });
    };
    card.onInlineCardExpanded = markInputs;
    var element = card.render();
    markInputs();
    return element;
  }

  function currentPerson() {
    return state.org.people.find(function (person) { return person.aadObjectId === state.person; });
  }

  function send(action) {
    return api('POST', '/chat/api/activity', { person: state.person, place: state.place, locale: state.lang, action: action }).then(function (answer) {
      if (answer.status !== 200) throw new Error((answer.body && answer.body.message) || String(answer.status));
      return answer.body;
    });
  }

  /** What Teams does with a card button (chat card or dialog). */
  function actionHandler(context) {
    return function (action) {
      var type = action.getJsonTypeName();
      var data = action.data || {};
      if (type === 'Action.OpenUrl') { window.open(action.url, '_blank', 'noopener'); return; }
      if (type === 'Action.Execute') {
        send({ kind: 'execute', verb: action.verb, data: data, messageId: context.messageId, trigger: 'manual' }).then(function (bot) { cardActionAnswer(context, bot); }, failed);
        return;
      }
      if (type !== 'Action.Submit') return;
      var msteams = data.msteams || {};
      if (context.inDialog && msteams.type !== 'task/fetch') {
        send({ kind: 'taskSubmit', data: data }).then(function (bot) { dialogAnswer(bot); }, failed);
      } else if (msteams.type === 'task/fetch') {
        send({ kind: 'taskFetch', data: data, messageId: context.messageId }).then(function (bot) { dialogAnswer(bot); }, failed);
      } else if (msteams.type === 'imBack' || msteams.type === 'messageBack') {
        var text = msteams.type === 'imBack' ? msteams.value : msteams.text;
        if (text) send({ kind: 'message', text: String(text) }).then(poll, failed);
        else send({ kind: 'submit', data: data, messageId: context.messageId }).then(poll, failed);
      } else {
        send({ kind: 'submit', data: data, messageId: context.messageId }).then(poll, failed);
      }
    };
  }

  function failed(error) { toast(t('failed') + (error && error.message ? error.message : String(error))); }

  /** The answer to an `adaptiveCard/action` invoke: a card replaces the pressed one (for this person), a message shows. */
  function cardActionAnswer(context, bot) {
    var body = bot && bot.body;
    if (bot.status !== 200 || !body) { toast(t('noAnswer') + ' (' + bot.status + ')'); return; }
    if (body.type === 'application/vnd.microsoft.card.adaptive' && body.value) {
      if (context.inDialog) { showDialog(state.dialogTitle, body.value); return; }
      state.overrides[overrideKey(context.messageId, context.rev)] = body.value;
      delete state.rendered[context.messageId];
      poll();
    } else if (body.type === 'application/vnd.microsoft.activity.message') {
      toast(String(body.value));
    } else if (body.statusCode >= 400) {
      toast(t('failed') + (body.value && body.value.message ? body.value.message : body.statusCode));
    }
  }

  /** The answer to `task/fetch` or `task/submit`: a card in the dialog, a message, or close. */
  function dialogAnswer(bot) {
    var task = bot && bot.body && bot.body.task;
    if (bot.status !== 200) { toast(t('noAnswer') + ' (' + bot.status + ')'); return; }
    if (task && task.type === 'continue' && task.value && task.value.card) {
      showDialog(task.value.title || t('dialog'), task.value.card.content);
    } else {
      closeDialog();
      if (task && task.type === 'message') toast(String(task.value));
    }
    poll();
  }

  function showDialog(title, content) {
    state.dialogTitle = title;
    $('dialog-title').textContent = title;
    var holder = $('dialog-card');
    holder.innerHTML = '';
    holder.appendChild(renderCard(content, actionHandler({ inDialog: true })));
    var dialog = $('dialog');
    if (!dialog.open) dialog.showModal();
    state.dialogOpen = true;
  }

  function closeDialog() {
    var dialog = $('dialog');
    if (dialog.open) dialog.close();
    state.dialogOpen = false;
  }

  function overrideKey(messageId, rev) { return state.person + '|' + state.place + '|' + messageId + '|' + rev; }

  /** Teams refreshes a card with `refresh` for the users it names (everyone when it names none) when it is shown. */
  function refreshIfAsked(message, content) {
    var refresh = content && content.refresh;
    var person = currentPerson();
    if (!refresh || !refresh.action || refresh.action.type !== 'Action.Execute') return;
    if (Array.isArray(refresh.userIds) && refresh.userIds.indexOf(person.teamsUserId) < 0 && refresh.userIds.indexOf(person.aadObjectId) < 0) return;
    var key = overrideKey(message.id, message.rev);
    if (state.refreshed[key]) return;
    state.refreshed[key] = true;
    send({ kind: 'execute', verb: refresh.action.verb, data: refresh.action.data || {}, messageId: message.id, trigger: 'automatic' }).then(function (bot) {
      var body = bot && bot.body;
      if (bot.status === 200 && body && body.type === 'application/vnd.microsoft.card.adaptive' && body.value) {
        state.overrides[key] = body.value;
        delete state.rendered[message.id];
        poll();
      }
    }, function () { /* Teams keeps showing the card as sent when a refresh fails. */ });
  }

  function messageElement(message) {
    var item = document.createElement('li');
    item.className = 'message ' + message.from + (message.replyToId ? ' reply' : '');
    item.setAttribute('data-message-id', message.id);
    var meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = message.from === 'bot' ? t('bot') : (message.authorName || t('you'));
    item.appendChild(meta);
    if (message.deleted) return item;
    if (message.text) {
      var bubble = document.createElement('div');
      bubble.className = 'bubble';
      if (message.textFormat === 'plain') bubble.textContent = message.text;
      else bubble.innerHTML = markdown(message.text);
      item.appendChild(bubble);
    }
    (message.attachments || []).forEach(function (attachment) {
      if (!attachment || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return;
      var content = state.overrides[overrideKey(message.id, message.rev)] || attachment.content;
      var holder = document.createElement('div');
      holder.className = 'card';
      holder.appendChild(renderCard(content, actionHandler({ messageId: message.id, rev: message.rev })));
      item.appendChild(holder);
      if (message.from === 'bot') refreshIfAsked(message, attachment.content);
    });
    return item;
  }

  function conversationId() {
    var person = currentPerson();
    return state.place === 'personal' ? 'a:local-' + person.aadObjectId : state.place;
  }

  function poll() {
    if (state.polling || !state.person) return Promise.resolve();
    state.polling = true;
    var conversation = conversationId();
    return api('GET', '/chat/api/messages?conversation=' + encodeURIComponent(conversation)).then(function (answer) {
      state.polling = false;
      if (conversation !== conversationId()) return;
      var list = $('messages');
      var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      (answer.body.messages || []).forEach(function (message) {
        if (state.rendered[message.id] === message.rev) return;
        var fresh = messageElement(message);
        var old = list.querySelector('[data-message-id="' + CSS.escape(message.id) + '"]');
        if (old) list.replaceChild(fresh, old);
        else list.appendChild(fresh);
        state.rendered[message.id] = message.rev;
      });
      if (atBottom) list.scrollTop = list.scrollHeight;
    }, function () { state.polling = false; });
  }

  function openPlace(place) {
    state.place = place;
    state.rendered = {};
    $('messages').innerHTML = '';
    renderPlaces();
    return api('POST', '/chat/api/open', { person: state.person, place: place, locale: state.lang }).then(poll);
  }

  function renderPlaces() {
    var person = currentPerson();
    var list = $('places');
    list.innerHTML = '';
    var entries = [{ id: 'personal', label: t('chatWithBot') }];
    state.org.teams.forEach(function (team) {
      if (team.members.indexOf(person.aadObjectId) >= 0) entries.push({ id: team.id, label: team.name + ' › General' });
    });
    entries.forEach(function (entry) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = entry.label;
      button.setAttribute('data-place', entry.id);
      button.setAttribute('aria-current', String(entry.id === state.place));
      button.addEventListener('click', function () { openPlace(entry.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    var current = entries.find(function (entry) { return entry.id === state.place; });
    $('chat-title').textContent = current ? current.label : '';
  }

  function roleLabel(person) {
    var names = TEXTS[state.lang].roles;
    return person.roles.length ? person.roles.map(function (role) { return names[role] || role; }).join(', ') : t('noRoles');
  }

  function renderChrome() {
    document.documentElement.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (element) { element.textContent = t(element.getAttribute('data-text')); });
    $('compose-text').placeholder = t('typeMessage');
    Array.prototype.forEach.call(document.querySelectorAll('[data-lang]'), function (button) { button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === state.lang)); });
    var select = $('person');
    select.innerHTML = '';
    state.org.people.forEach(function (person) {
      var option = document.createElement('option');
      option.value = person.aadObjectId;
      option.textContent = person.name + ' – ' + roleLabel(person);
      select.appendChild(option);
    });
    select.value = state.person;
    $('person-roles').textContent = roleLabel(currentPerson());
    renderPlaces();
  }

  function choosePerson(id) {
    state.person = id;
    closeDialog();
    renderChrome();
    return openPlace('personal');
  }

  function start(org) {
    state.org = org;
    var params = new URLSearchParams(window.location.search);
    state.lang = params.get('lang') === 'en' ? 'en' : 'nl';
    // The reporter of the demos: a team member without any role.
    var reporter = org.people.find(function (person) { return person.roles.length === 0 && org.teams.some(function (team) { return team.members.indexOf(person.aadObjectId) >= 0; }); });
    state.person = params.get('person') || (reporter || org.people[0]).aadObjectId;
    $('person').addEventListener('change', function (event) { choosePerson(event.target.value); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-lang]'), function (button) {
      button.addEventListener('click', function () { state.lang = button.getAttribute('data-lang'); renderChrome(); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-advance]'), function (button) {
      button.addEventListener('click', function () {
        api('POST', '/chat/api/clock', { advance: button.getAttribute('data-advance') }).then(function (answer) {
          if (answer.status !== 200) { failed(new Error((answer.body && answer.body.message) || String(answer.status))); return; }
          $('clock-now').textContent = t('clockNow') + new Date(answer.body.now).toLocaleString(state.lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
          poll();
        }, failed);
      });
    });
    $('compose').addEventListener('submit', function (event) {
      event.preventDefault();
      var input = $('compose-text');
      var text = input.value.trim();
      if (!text) return;
      input.value = '';
      send({ kind: 'message', text: text }).then(poll, failed);
    });
    $('dialog-close').addEventListener('click', closeDialog);
    $('dialog').addEventListener('close', function () { state.dialogOpen = false; });
    choosePerson(state.person);
    (function loop() { poll().then(function () { setTimeout(loop, 700); }); })();
  }

  api('GET', '/chat/api/organisation').then(function (answer) { start(answer.body); }, failed);
})();
