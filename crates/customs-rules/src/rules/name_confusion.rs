use customs_analyze::Context;

use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta, find_squat};

declare_rule! {
    /// ## What it finds
    /// A package name that imitates one of the 5,000 most downloaded names of its
    /// registry: one character away (`reqeusts`), the same with other separators or
    /// look-alike characters (`py-yaml`, `co1orama`), a popular name with a squatter's
    /// prefix or suffix (`python-requests`, `lodash-js`), or a scope that imitates a
    /// popular scoped package (`@types-node/x`). A listed name is never flagged.
    ///
    /// ## Why it matters
    /// Typosquats are the commonest malicious packages on PyPI and npm: they wait for a
    /// typo in a `pip install` or a confused copy of a dependency list.
    ///
    /// ## Example
    /// `colourama` imitating `colorama`.
    ///
    /// ## When it is wrong
    /// Legitimate forks and plugins have names close to their parent; check the project
    /// links, then allow the package by name in your policy.
    NameConfusion {
        id: "name-confusion",
        summary: "the name imitates a popular package",
        severity: High,
        confidence: Medium,
    }
}

impl Rule for NameConfusion {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let id = &input.package.identity;
        if let Some(squat) = find_squat(input.popular, id.ecosystem, &id.name) {
            out.push(Finding::about(
                &Self::META,
                "",
                Context::Metadata,
                format!(
                    "`{}` imitates the popular {} package `{}`: {}",
                    id.name, id.ecosystem, squat.target, squat.how
                ),
            ));
        }
    }
}
