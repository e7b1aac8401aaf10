// google.script.run and google.script.host for the add-on's sidebar in the playground: calls go to
// the local runtime over fetch, and provider URLs opened from the sidebar go to the simulator.
(function () {
  'use strict';
  var config = window.__playgroundBridge || { functions: [], hosts: [] };
  var DATE_TAG = '__playgroundDate__';

  /** https://<provider host>/<path> -> <playground origin>/<host>/<path>; other URLs unchanged. */
  function toPlayground(url) {
    if (typeof url !== 'string' && !(url instanceof URL)) return url;
    var parsed;
    try {
      parsed = new URL(String(url), location.href);
    } catch {
      return url;
    }
    var host = parsed.host.toLowerCase();
    if (parsed.protocol !== 'https:' || config.hosts.indexOf(host) < 0) return url;
    return location.origin + '/' + host + parsed.pathname + parsed.search + parsed.hash;
  }

  // The sidebar opens the provider's real consent page (a production URL); the browser cannot
  // reach it from here, so both window.open and plain links are pointed at the simulator.
  var originalOpen = window.open;
  window.open = function (url) {
    var args = Array.prototype.slice.call(arguments);
    args[0] = toPlayground(url);
    return originalOpen.apply(window, args);
  };
  document.addEventListener(
    'click',
    function (event) {
      var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
      if (!link) return;
      var rewritten = toPlayground(link.href);
      if (rewritten !== link.href) link.href = rewritten;
    },
    true,
  );

  /** A form passed to google.script.run becomes an object of its named fields, as in Apps Script. */
  function formToObject(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      if (el.type === 'submit' || el.type === 'button' || el.type === 'file') return;
      if (el.name in out) out[el.name] = [].concat(out[el.name], el.value);
      else out[el.name] = el.value;
    });
    return out;
  }

  /**
   * Copies an argument into JSON. Dates are tagged rather than turned into strings, so the runtime
   * sees a Date and refuses it exactly as Apps Script does (google.script.run cannot pass Dates).
   */
  function encode(value) {
    if (value === null || value === undefined) return value === undefined ? null : value;
    if (value instanceof Date) {
      var tagged = {};
      tagged[DATE_TAG] = isNaN(value.getTime()) ? null : value.toISOString();
      return tagged;
    }
    if (typeof value === 'function')
      throw new TypeError('Functions cannot be passed to the server');
    if (typeof value !== 'object') return value;
    if (value instanceof HTMLFormElement) return formToObject(value);
    if (value instanceof Node)
      throw new TypeError('DOM elements other than forms cannot be passed');
    if (Array.isArray(value)) return value.map(encode);
    var out = {};
    Object.keys(value).forEach(function (k) {
      out[k] = encode(value[k]);
    });
    return out;
  }

  function report(handler, fallbackLabel, payload, userObject) {
    if (handler) handler(payload, userObject);
    else if (fallbackLabel) console.error(fallbackLabel, payload);
  }

  function call(name, args, opts) {
    var encoded;
    try {
      encoded = args.map(encode);
    } catch (e) {
      setTimeout(function () {
        report(opts.failure, 'google.script.run failed:', e, opts.userObject);
      });
      return;
    }
    fetch('/api/client-run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: name, args: encoded }),
    })
      .then(function (res) {
        return res.json();
      })
      .then(function (answer) {
        if (answer.ok) report(opts.success, null, answer.value, opts.userObject);
        else
          report(
            opts.failure,
            'google.script.run failed:',
            new Error(answer.error.message),
            opts.userObject,
          );
      })
      .catch(function (e) {
        report(opts.failure, 'google.script.run failed:', e, opts.userObject);
      });
  }

  /** One runner per handler combination: with* returns a new runner, the old one is unchanged. */
  function runner(opts) {
    var r = {
      withSuccessHandler: function (fn) {
        return runner(Object.assign({}, opts, { success: fn }));
      },
      withFailureHandler: function (fn) {
        return runner(Object.assign({}, opts, { failure: fn }));
      },
      withUserObject: function (obj) {
        return runner(Object.assign({}, opts, { userObject: obj }));
      },
    };
    config.functions.forEach(function (name) {
      // Apps Script hides names ending in `_` from the client: they are private.
      if (/_$/.test(name) || name in r) return;
      r[name] = function () {
        call(name, Array.prototype.slice.call(arguments), opts);
      };
    });
    return r;
  }

  function tellParent(type) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ source: 'playground-sidebar', type: type }, location.origin);
    }
  }

  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      origin: location.origin,
      close: function () {
        tellParent('close');
      },
      setHeight: function () {},
      setWidth: function () {},
      editor: {
        focus: function () {
          tellParent('focus-editor');
        },
      },
    },
  };
})();
