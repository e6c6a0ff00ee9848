// Loaded first in <body>: marks the page as able to run GOV.UK Frontend, without an inline script (the CSP forbids those).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
