from setuptools import setup
setup(name="dbt-lint-rules", version="0.14.2", packages=["dbt_lint_rules"],
      entry_points={"console_scripts": ["dbt-lint=dbt_lint_rules.cli:main"]},
      url="https://dbt-lint.example.invalid", description="SQL style rules for dbt projects")
