// Stands in for @stdlib/assert-has-generator-support in the browser build (vite.config.ts).
// The original probes with eval, which the app's Content-Security-Policy forbids; every
// browser the app supports has generators, and answering true keeps stdlib's continued
// fractions and series on the generator path that Node takes, so intervals agree exactly.
'use strict';

module.exports = function hasGeneratorSupport() {
  return true;
};
