// Marks the page as scripted before GOV.UK Frontend initialises (kept external: no inline scripts).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
