using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace OpenProbation.Web.Security;

/// <summary>
/// Every page must say who may use it: a named policy, or AllowAnonymous for sign-in and errors. A page without
/// one stops the application from starting, so no page is ever open by accident.
/// </summary>
internal sealed class PagePolicyConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var attributes = model.HandlerType.GetCustomAttributes(inherit: true);
        var named = attributes.OfType<AuthorizeAttribute>().Any(a => !string.IsNullOrEmpty(a.Policy));
        var anonymous = attributes.OfType<AllowAnonymousAttribute>().Any();
        if (!named && !anonymous)
        {
            throw new InvalidOperationException(
                $"Page {model.ViewEnginePath} declares no authorisation policy: add [Authorize(Policy = Policies.…)] or [AllowAnonymous].");
        }
    }
}
