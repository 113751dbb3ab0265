// AWS Step Functions' additions to JSONata 2.0.6 ("Transforming data with JSONata in Step Functions"):
// $partition, $range, $hash, $random, $uuid and $parse, and $eval is not available. Loaded after
// jsonata.min.js; the C# host supplies stepFunctionsHost (hash, random, randomSeeded, uuid), which
// also stands in for Math.random so that every random draw comes from the injected source.
var stepFunctionsJsonata = (function (jsonata, host) {
    'use strict';

    Math.random = function () {
        return host.random();
    };

    function partition(array, size) {
        if (array === undefined) {
            return undefined;
        }
        if (!(size >= 1) || Math.floor(size) !== size) {
            throw { message: 'The chunk size of $partition must be a positive integer, but was ' + size + '.' };
        }
        var chunks = [];
        for (var i = 0; i < array.length; i += size) {
            chunks.push(array.slice(i, i + size));
        }
        return chunks;
    }

    // The result is a JSONata sequence, so one item comes back as that item: AWS returns 1, not [1],
    // for $range(1, 9, 9) (recorded: intrinsic_functions_jsonata/array_range__exec_hist_resp_2).
    function range(start, end, step) {
        var values = [];
        values.sequence = true;
        start = Math.trunc(start);
        end = Math.trunc(end);
        step = Math.trunc(step);
        if (step === 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
            return values;
        }
        var count = Math.floor((end - start) / step) + 1;
        if (count > 1e7) {
            throw { code: 'D2014', message: 'The size of the sequence allocated by the range operator must not exceed 1e7.  Attempted to allocate ' + count + '.' };
        }
        for (var i = 0; i < count; i++) {
            values.push(start + i * step);
        }
        return values;
    }

    function hash(value, algorithm) {
        if (value === undefined) {
            return undefined;
        }
        var digest = host.hash(value, algorithm);
        if (digest === null) {
            throw { message: "The hashing algorithm '" + algorithm + "' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512." };
        }
        return digest;
    }

    function random(seed) {
        return seed === undefined ? host.random() : host.randomSeeded(seed);
    }

    function uuid() {
        return host.uuid();
    }

    function parse(text) {
        if (text === undefined) {
            return undefined;
        }
        try {
            return JSON.parse(text);
        } catch (e) {
            throw { message: 'The argument of $parse is not valid JSON: ' + e.message };
        }
    }

    function evalNotAvailable() {
        throw { message: 'The function $eval is not available in Step Functions; use $parse instead.' };
    }

    function compile(text) {
        var expression = jsonata(text);
        expression.registerFunction('partition', partition, '<an:a>');
        expression.registerFunction('range', range, '<nnn:a<n>>');
        expression.registerFunction('hash', hash, '<ss:s>');
        expression.registerFunction('random', random, '<n?:n>');
        expression.registerFunction('uuid', uuid, '<:s>');
        expression.registerFunction('parse', parse, '<s:x>');
        expression.registerFunction('eval', evalNotAvailable);
        return expression;
    }

    function evaluate(expression, input, bindings) {
        return expression.evaluate(input, bindings);
    }

    return { compile: compile, evaluate: evaluate };
})(jsonata, stepFunctionsHost);
