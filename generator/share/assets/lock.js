// Unlocks a page of a locked debrief share in the browser, with the Web Crypto API only.
// The page carries {salt, iterations, iv, ciphertext} in <template id="debrief-lock-data">
// (AES-256-GCM, key from PBKDF2-HMAC-SHA256). The derived key is kept for the tab in
// sessionStorage, so moving between pages does not ask again; closing the tab forgets it.
//
// Search: search/search_index.json holds an empty index and, under "sealed", the real
// one; sitemap.xml (which instant navigation reads) is sealed whole. This script is
// loaded in <head>, before the theme's bundle: it holds back the theme's requests for
// them until the page is open, then lets the theme load the opened files from blob:
// URLs. The theme's own search then works as on the owner's site; with instant
// navigation, each page the theme swaps in is opened with the key the tab keeps.
(function () {
  "use strict";

  if (window.__debriefLock) return;
  window.__debriefLock = true;

  var STORAGE = "debrief-share-key:";
  var SCRIPT = document.currentScript && document.currentScript.src;
  var HELD = {}; // absolute URL -> {type, opened: Promise of a blob: URL or null}
  if (SCRIPT) {
    HELD[new URL("../search/search_index.json", SCRIPT).href] = { type: "application/json" };
    HELD[new URL("../sitemap.xml", SCRIPT).href] = { type: "application/xml" };
  }
  var keyGiven;
  var keyReady = new Promise(function (resolve) {
    keyGiven = resolve;
  });

  // The theme asks for those files with XMLHttpRequest: such a request waits for the
  // page to be open, then for the opened file (a blob: URL), or goes out as it was when
  // there is none. A file the theme does not ask for is not fetched.
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (verb, url) {
    var target = null;
    try {
      target = new URL(url, location.href).href;
    } catch (error) {
      // Not a URL this script cares about.
    }
    this.__debriefHeld = String(verb).toUpperCase() === "GET" ? target : undefined;
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var url = this.__debriefHeld;
    var file = url && HELD[url];
    if (!file) return xhrSend.apply(this, arguments);
    var request = this;
    if (!file.opened) {
      file.opened = keyReady.then(function (key) {
        return openFile(url, file.type, key);
      });
    }
    file.opened.then(function (opened) {
      if (opened) xhrOpen.call(request, "GET", opened);
      xhrSend.call(request);
    });
  };

  async function openFile(url, type, key) {
    try {
      var response = await fetch(url);
      var sealed = response.ok ? (await response.json()).sealed : null;
      if (!sealed) return null;
      var plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes(sealed.iv) }, key, bytes(sealed.ciphertext)
      );
      return URL.createObjectURL(new Blob([plain], { type: type }));
    } catch (problem) {
      return null; // the theme gets the file as published: no search, the page still reads
    }
  }

  function bytes(base64) {
    var binary = atob(base64);
    var result = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) result[i] = binary.charCodeAt(i);
    return result;
  }

  function base64(buffer) {
    var view = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < view.length; i++) binary += String.fromCharCode(view[i]);
    return btoa(binary);
  }

  function remembered(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function remember(key, value) {
    try {
      if (value === null) window.sessionStorage.removeItem(key);
      else window.sessionStorage.setItem(key, value);
    } catch (error) {
      // Storage may be off (private windows): the page still unlocks, the next one asks again.
    }
  }

  async function deriveKey(passphrase, data) {
    var material = await crypto.subtle.importKey(
      "raw", new TextEncoder().encode(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveKey"]
    );
    return crypto.subtle.deriveKey(
      { name: "PBKDF2", hash: "SHA-256", salt: bytes(data.salt), iterations: data.iterations },
      material,
      { name: "AES-GCM", length: 256 },
      true,
      ["decrypt"]
    );
  }

  async function open(key, data) {
    var plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes(data.iv) }, key, bytes(data.ciphertext)
    );
    return JSON.parse(new TextDecoder().decode(plain));
  }

  function show(page) {
    var locked = document.getElementById("debrief-locked");
    if (!locked) return;
    var unlocked = document.createElement("div");
    unlocked.id = "debrief-unlocked";
    unlocked.innerHTML = page.html;
    locked.replaceWith(unlocked);
    document.documentElement.classList.add("debrief-open");
    document.title = page.title;
    if (location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  async function start() {
    var holder = document.getElementById("debrief-lock-data");
    if (!holder || holder.dataset.started) return;
    holder.dataset.started = "yes";
    var data = JSON.parse(holder.content ? holder.content.textContent : holder.textContent);
    var form = document.getElementById("debrief-lock-form");
    var input = document.getElementById("debrief-passphrase");
    var button = document.getElementById("debrief-unlock");
    var error = document.getElementById("debrief-lock-error");
    var storage = STORAGE + data.salt;

    function fail(message) {
      error.textContent = message;
      error.hidden = false;
    }

    if (!window.crypto || !window.crypto.subtle) {
      form.hidden = false;
      input.disabled = button.disabled = true;
      fail("This browser cannot unlock the notebook here: open it over https.");
      return;
    }

    var stored = remembered(storage);
    if (stored) {
      try {
        var key = await crypto.subtle.importKey("raw", bytes(stored), "AES-GCM", false, ["decrypt"]);
        show(await open(key, data));
        keyGiven(key);
        return;
      } catch (problem) {
        remember(storage, null);
      }
    }

    form.hidden = false;
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      try {
        var key = await deriveKey(input.value, data);
        var page;
        try {
          page = await open(key, data);
        } catch (problem) {
          input.value = "";
          input.focus();
          fail("Wrong passphrase");
          return;
        }
        remember(storage, base64(await crypto.subtle.exportKey("raw", key)));
        show(page);
        keyGiven(key);
      } finally {
        button.disabled = false;
      }
    });
    input.focus();
  }

  function begin() {
    // The theme's document$ emits the first page and each page instant navigation swaps in.
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(start);
    } else {
      start();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
