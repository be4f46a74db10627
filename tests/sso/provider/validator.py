from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """ID tokens carrying the claims Entra ID sends: the directory (`tid`) and the groups."""

    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "tid": "openid", "groups": "openid"}

    def get_additional_claims(self, request):
        user, person = request.user, request.user.person
        return {
            "email": user.email,
            "email_verified": person.email_verified,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "tid": person.tenant,
            "groups": person.groups,
        }
