// Small browser helpers the portal needs beyond Blazor: focus moves for the skip link and
// the error summary (their targets are on the same page, which a <base href> would otherwise
// turn into a navigation), focusing a newly shown error summary, printing, and saving a preference cookie.
(function () {
    function focusElement(id) {
        const target = document.getElementById(id);
        if (!target) return false;
        if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
            target.setAttribute('tabindex', '-1');
        }
        target.focus();
        target.scrollIntoView({ block: 'center' });
        return true;
    }

    document.addEventListener('click', function (event) {
        const link = event.target.closest('[data-skip-to], [data-focus-field]');
        if (!link) return;
        const id = link.getAttribute('data-skip-to') || link.getAttribute('data-focus-field');
        if (focusElement(id)) {
            // Handled here, before Blazor's navigation sees it: <base href="/"> would turn
            // "#field" into a trip to the home page.
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

    // A "Print" button without an inline handler (the content security policy allows no inline script).
    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            event.preventDefault();
            window.print();
        }
    });

    function focusErrorSummary() {
        const summary = document.querySelector('[data-error-summary]:not([data-focused])');
        if (summary) {
            summary.setAttribute('data-focused', '');
            summary.focus();
        }
    }

    // When the circuit starts, Blazor's interactive HeadOutlet takes over the head the server
    // prerendered, and for a few milliseconds the document has no <title> (measured: 8-35 ms on
    // every page), which a screen reader or an accessibility check can read at that moment. A
    // stand-in keeps the last title until Blazor's own arrives.
    let lastTitle = document.title;
    new MutationObserver(function () {
        const standIn = document.head.querySelector('title[data-stand-in]');
        const own = document.head.querySelector('title:not([data-stand-in])');
        if (own) {
            lastTitle = own.textContent;
            if (standIn) standIn.remove();
        } else if (!standIn) {
            const title = document.createElement('title');
            title.setAttribute('data-stand-in', '');
            title.textContent = lastTitle;
            document.head.appendChild(title);
        }
    }).observe(document.head, { childList: true, subtree: true, characterData: true });

    // A wide table scrolls inside its own region (TableScroll). Only a region that does scroll is
    // made a named, focusable region, so the keyboard can scroll it (WCAG 2.1.1) without every
    // table that fits adding a tab stop and a landmark. Measured once a frame at most, after
    // Blazor's changes and on resizing.
    function markScrollRegions() {
        document.querySelectorAll('.table-scroll[data-scroll-label]').forEach(function (region) {
            const scrolls = region.scrollWidth > region.clientWidth + 1;
            if (scrolls && !region.hasAttribute('tabindex')) {
                region.setAttribute('role', 'region');
                region.setAttribute('aria-label', region.getAttribute('data-scroll-label'));
                region.setAttribute('tabindex', '0');
            } else if (!scrolls && region.hasAttribute('tabindex')) {
                region.removeAttribute('role');
                region.removeAttribute('aria-label');
                region.removeAttribute('tabindex');
            }
        });
    }

    let regionsPending = false;
    function scheduleScrollRegions() {
        if (regionsPending) return;
        regionsPending = true;
        requestAnimationFrame(function () {
            regionsPending = false;
            markScrollRegions();
        });
    }

    document.addEventListener('DOMContentLoaded', markScrollRegions);
    window.addEventListener('resize', scheduleScrollRegions);
    new MutationObserver(scheduleScrollRegions).observe(document.documentElement, { childList: true, subtree: true });

    document.addEventListener('DOMContentLoaded', focusErrorSummary);
    new MutationObserver(focusErrorSummary).observe(document.documentElement, { childList: true, subtree: true });

    window.portal = {
        setPreference: function (name, value) {
            document.cookie = name + '=' + encodeURIComponent(value) + '; path=/; max-age=31536000; samesite=lax';
        },
        // The dark theme is a stylesheet over the light one (see ThemeStylesheet): until the reader chooses, it
        // applies when the device prefers dark; choosing sets it on or off for good and remembers the choice.
        setTheme: function (dark) {
            window.portal.setPreference('portal.theme', dark ? 'dark' : 'light');
            const link = document.getElementById('portal-theme-dark');
            if (link) link.media = dark ? 'all' : 'not all';
        },
        // Whether the dark theme shows now (the reader's choice, or the device's setting before they make one).
        darkThemeShown: function () {
            const link = document.getElementById('portal-theme-dark');
            return !!link && window.matchMedia(link.media || 'all').matches;
        },
        // Whether the menu is showing (on a narrow screen the stylesheet hides it at first), and whether it lies over the page.
        navigationShown: function () {
            const nav = document.getElementById('portal-navigation');
            return !!nav && getComputedStyle(nav).display !== 'none';
        },
        navigationState: function () {
            return { shown: window.portal.navigationShown(), narrow: window.matchMedia('(max-width: 959.98px)').matches };
        },
        // A live page's title and its feeds' alternate links (DocumentTitle): set here rather than kept in
        // the circuit as Blazor's head outlet. The last page's feed links go; this page's, if any, come.
        setHead: function (text, feeds) {
            document.title = text;
            document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]').forEach(function (link) { link.remove(); });
            (feeds || []).forEach(function (feed) {
                const link = document.createElement('link');
                link.rel = 'alternate';
                link.type = 'application/atom+xml';
                link.title = feed.title;
                link.href = feed.href;
                document.head.appendChild(link);
            });
        },
        focus: focusElement,
        // After moving to another page: its heading takes focus (without scrolling), so a screen reader announces it.
        // A page still loading shows its heading a moment later: wait for it, a little.
        focusHeading: function (selector) {
            function focus(heading) {
                if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
                heading.focus({ preventScroll: true });
            }
            const heading = document.querySelector(selector);
            if (heading) { focus(heading); return; }
            const observer = new MutationObserver(function () {
                const found = document.querySelector(selector);
                if (found) { observer.disconnect(); focus(found); }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            setTimeout(function () { observer.disconnect(); }, 3000);
        },
        markInteractive: function () {
            document.body.setAttribute('data-interactive', 'true');
            return window.portal.navigationShown();
        }
    };
})();
